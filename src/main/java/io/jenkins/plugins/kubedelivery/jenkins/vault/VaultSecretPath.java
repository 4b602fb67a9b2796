package io.jenkins.plugins.kubedelivery.jenkins.vault;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretPath;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretPaths;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretStore;
import io.jenkins.plugins.kubedelivery.jenkins.ParameterText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One entry of {@code vaultSecrets}: a secret's path in Vault, its KV engine version, and which of
 * its keys go to which Helm values path. A nested describable (not a map of keys to paths) so the
 * Snippet Generator renders it as a repeatable form; in a Pipeline it is written as a map,
 * {@code [path: 'secret/payments/prod', engineVersion: 2, values: [[vaultKey: 'db_password', valuesKey: 'db.password']]]}.
 * It holds names only and references no class of the Vault plugin, so it loads without that plugin.
 */
public final class VaultSecretPath extends AbstractDescribableImpl<VaultSecretPath> {
    private final String path;
    private final List<VaultSecretKey> values;
    private Integer engineVersion;

    @DataBoundConstructor
    public VaultSecretPath(String path, List<VaultSecretKey> values) {
        this.path = ParameterText.optional(path);
        this.values = values == null ? List.of() : List.copyOf(values);
    }

    public String getPath() { return path; }
    public List<VaultSecretKey> getValues() { return values; }
    public Integer getEngineVersion() { return engineVersion; }

    @DataBoundSetter public void setEngineVersion(Integer engineVersion) { this.engineVersion = engineVersion; }

    SecretPath toSecretPath() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (VaultSecretKey key : values) {
            if (key != null && keys.put(key.getVaultKey(), key.getValuesKey()) != null) {
                throw new ValidationException(SecretPaths.PARAMETER, "Vault key '" + key.getVaultKey() + "' of " + path
                        + " is mapped twice: map each key once (copy it in the chart to use it twice)");
            }
        }
        return new SecretPath(path, engineVersion, keys);
    }

    /**
     * A step's {@code vaultSecrets}, {@code vaultUrl} and {@code vaultCredentialId} as the engine
     * takes them, checked.
     *
     * @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming the entry that is wrong
     */
    public static SecretPaths toSecretPaths(String vaultUrl, String vaultCredentialId, List<VaultSecretPath> entries) {
        List<SecretPath> paths = new ArrayList<>();
        if (entries != null) {
            for (VaultSecretPath entry : entries) {
                paths.add(entry == null ? null : entry.toSecretPath());
            }
        }
        return new SecretPaths(new SecretStore(ParameterText.optional(vaultUrl), ParameterText.optional(vaultCredentialId)), paths);
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<VaultSecretPath> {
        public DescriptorImpl() {
            super(VaultSecretPath.class);
        }

        @Override
        public String getDisplayName() {
            return "Vault secret";
        }
    }
}
