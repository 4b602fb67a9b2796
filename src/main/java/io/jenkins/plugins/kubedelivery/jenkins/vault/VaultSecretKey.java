package io.jenkins.plugins.kubedelivery.jenkins.vault;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import io.jenkins.plugins.kubedelivery.jenkins.ParameterText;
import org.kohsuke.stapler.DataBoundConstructor;

/** One key of a Vault secret and the Helm values path its value goes to: {@code [vaultKey: 'db_password', valuesKey: 'db.password']}. */
public final class VaultSecretKey extends AbstractDescribableImpl<VaultSecretKey> {
    private final String vaultKey;
    private final String valuesKey;

    @DataBoundConstructor
    public VaultSecretKey(String vaultKey, String valuesKey) {
        this.vaultKey = ParameterText.optional(vaultKey);
        this.valuesKey = ParameterText.optional(valuesKey);
    }

    public String getVaultKey() { return vaultKey; }
    public String getValuesKey() { return valuesKey; }

    @Extension
    public static final class DescriptorImpl extends Descriptor<VaultSecretKey> {
        public DescriptorImpl() {
            super(VaultSecretKey.class);
        }

        @Override
        public String getDisplayName() {
            return "Vault key to Helm values path";
        }
    }
}
