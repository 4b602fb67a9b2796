package io.jenkins.plugins.kubedelivery.jenkins.vault;

import hudson.EnvVars;
import hudson.model.Run;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretPath;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretSource;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretStore;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * The secret source every session's ports carry: it references no class of the HashiCorp Vault
 * plugin (an optional dependency), so it loads whether or not that plugin is installed. Only the
 * first read, by a step given {@code vaultSecrets}, checks that the plugin is there and then creates
 * {@link VaultPluginSecretSource}, the one class that uses the plugin's API; without the plugin the
 * read fails with one line saying which plugin to install.
 */
public final class VaultPluginGate implements SecretSource {
    /** A class of the plugin's API, looked up by name so that this class links without the plugin. */
    static final String VAULT_API_CLASS = "com.datapipe.jenkins.vault.VaultAccessor";
    static final String NOT_INSTALLED = "vaultSecrets: the HashiCorp Vault plugin is not installed; install"
            + " 'hashicorp-vault-plugin' (Manage Jenkins > Plugins) and configure Vault there, or pass the values"
            + " with secretValues inside withCredentials";

    private final Run<?, ?> run;
    private final EnvVars environment;
    private final PrintStream log;
    private SecretSource vault;

    public VaultPluginGate(Run<?, ?> run, EnvVars environment, PrintStream log) {
        this.run = run;
        this.environment = environment;
        this.log = log;
    }

    @Override
    public Optional<Map<String, String>> read(SecretStore store, SecretPath path) throws InterruptedException {
        return vault().read(store, path);
    }

    private synchronized SecretSource vault() {
        if (vault == null) {
            if (!installed(VaultPluginGate.class.getClassLoader())) {
                throw new EngineException(NOT_INSTALLED);
            }
            vault = new VaultPluginSecretSource(run, environment, log);
        }
        return vault;
    }

    /** Whether the plugin's classes are visible to ours: an optional dependency is, when it is installed and enabled. */
    static boolean installed(ClassLoader loader) {
        try {
            Class.forName(VAULT_API_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
