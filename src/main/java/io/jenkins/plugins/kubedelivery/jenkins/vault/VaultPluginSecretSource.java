package io.jenkins.plugins.kubedelivery.jenkins.vault;

import com.datapipe.jenkins.vault.VaultAccessor;
import com.datapipe.jenkins.vault.configuration.VaultConfiguration;
import com.datapipe.jenkins.vault.model.VaultSecret;
import com.datapipe.jenkins.vault.model.VaultSecretValue;
import hudson.EnvVars;
import hudson.model.Run;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretPath;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretPaths;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretSource;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretStore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link SecretSource} over the HashiCorp Vault plugin's own API: its
 * {@code VaultAccessor.retrieveVaultSecrets} merges the step's {@code vaultUrl} and
 * {@code vaultCredentialId} with the folder's and the global Vault configuration (URL, namespace,
 * prefix path, engine version, policies, credential of any kind the plugin supports), logs in and
 * reads. The only class of this plugin that references the Vault plugin's classes: created by
 * {@link VaultPluginGate} once it has found them, so nothing loads it when the Vault plugin is absent.
 */
final class VaultPluginSecretSource implements SecretSource {
    private final Run<?, ?> run;
    private final EnvVars environment;
    private final PrintStream log;

    VaultPluginSecretSource(Run<?, ?> run, EnvVars environment, PrintStream log) {
        this.run = run;
        this.environment = environment == null ? new EnvVars() : environment;
        this.log = log;
    }

    /**
     * One call per path, so a failure names its path. Each key is asked for as not required, so the
     * plugin returns a missing key as {@code null} and the engine names it; a missing path fails
     * (failIfNotFound), whatever the folder or global configuration says, since an absent secret must never
     * become an empty value.
     */
    @Override
    public Optional<Map<String, String>> read(SecretStore store, SecretPath path) throws InterruptedException {
        VaultConfiguration configuration = new VaultConfiguration();
        if (store.url() != null) {
            configuration.setVaultUrl(store.url());
        }
        if (store.credentialsId() != null) {
            configuration.setVaultCredentialId(store.credentialsId());
        }
        configuration.setFailIfNotFound(true);
        List<VaultSecretValue> keys = new ArrayList<>();
        for (String key : path.keys().keySet()) {
            VaultSecretValue value = new VaultSecretValue(key);
            value.setEnvVar(key); // the key of the returned map
            value.setIsRequired(false);
            keys.add(value);
        }
        VaultSecret secret = new VaultSecret(path.path(), keys);
        if (path.engineVersion() != null) {
            secret.setEngineVersion(path.engineVersion());
        }
        Map<String, String> read;
        try {
            read = VaultAccessor.retrieveVaultSecrets(run, log, environment, null, configuration, List.of(secret));
        } catch (RuntimeException e) {
            throw new EngineException(SecretPaths.PARAMETER + ": cannot read Vault path '" + path.path() + "' (keys "
                    + String.join(", ", path.keys().keySet()) + "): " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), e);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("stopped while reading from Vault");
        }
        return Optional.of(read);
    }
}
