// Mirrors com.datapipe.jenkins.plugins:hashicorp-vault-plugin:379.v080d932e61e4, src/main/java/com/datapipe/jenkins/vault/configuration/VaultConfiguration.java (compile-only, never packaged).
package com.datapipe.jenkins.vault.configuration;

/**
 * Only what the plugin uses: the real class extends AbstractDescribableImpl, is Serializable and holds
 * more settings (namespace, prefix path, policies, timeout), which its mergeWithParent fills from the
 * folder's and the global configuration. The real setVaultUrl also trims and drops a trailing slash.
 */
public class VaultConfiguration {
    private String vaultUrl;
    private String vaultCredentialId;
    private Boolean failIfNotFound = true;

    public VaultConfiguration() {}

    public String getVaultUrl() { return vaultUrl; }
    public String getVaultCredentialId() { return vaultCredentialId; }
    public Boolean getFailIfNotFound() { return failIfNotFound; }

    public void setVaultUrl(String vaultUrl) { this.vaultUrl = vaultUrl; }
    public void setVaultCredentialId(String vaultCredentialId) { this.vaultCredentialId = vaultCredentialId; }
    public void setFailIfNotFound(Boolean failIfNotFound) { this.failIfNotFound = failIfNotFound; }
}
