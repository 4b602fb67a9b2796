// Mirrors com.datapipe.jenkins.plugins:hashicorp-vault-plugin:379.v080d932e61e4, src/main/java/com/datapipe/jenkins/vault/model/VaultSecret.java (compile-only, never packaged).
package com.datapipe.jenkins.vault.model;

import java.util.List;

/** Only what the plugin uses; the real class extends AbstractDescribableImpl and trims the path (fixEmptyAndTrim). */
public class VaultSecret {
    private final String path;
    private Integer engineVersion;
    private final List<VaultSecretValue> secretValues;

    public VaultSecret(String path, List<VaultSecretValue> secretValues) {
        this.path = path;
        this.secretValues = secretValues;
    }

    public void setEngineVersion(Integer engineVersion) { this.engineVersion = engineVersion; }
    public String getPath() { return path; }
    public Integer getEngineVersion() { return engineVersion; }
    public List<VaultSecretValue> getSecretValues() { return secretValues; }
}
