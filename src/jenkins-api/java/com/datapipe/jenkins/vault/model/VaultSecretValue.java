// Mirrors com.datapipe.jenkins.plugins:hashicorp-vault-plugin:379.v080d932e61e4, src/main/java/com/datapipe/jenkins/vault/model/VaultSecretValue.java (compile-only, never packaged).
package com.datapipe.jenkins.vault.model;

/** Only what the plugin uses; the real class extends AbstractDescribableImpl and trims the key (fixEmptyAndTrim). */
public class VaultSecretValue {
    private String envVar;
    private boolean isRequired = true;
    private final String vaultKey;

    public VaultSecretValue(String vaultKey) {
        this.vaultKey = vaultKey;
    }

    public void setEnvVar(String envVar) { this.envVar = envVar; }
    public void setIsRequired(boolean isRequired) { this.isRequired = isRequired; }
    /** The envVar if set, else the vault key. */
    public String getEnvVar() { return envVar == null || envVar.isEmpty() ? vaultKey : envVar; }
    public String getVaultKey() { return vaultKey; }
    public boolean getIsRequired() { return isRequired; }
}
