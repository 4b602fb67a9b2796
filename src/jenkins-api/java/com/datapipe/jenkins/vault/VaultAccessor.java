// Mirrors com.datapipe.jenkins.plugins:hashicorp-vault-plugin:379.v080d932e61e4, src/main/java/com/datapipe/jenkins/vault/VaultAccessor.java (compile-only, never packaged).
package com.datapipe.jenkins.vault;

import com.datapipe.jenkins.vault.configuration.VaultConfiguration;
import com.datapipe.jenkins.vault.model.VaultSecret;
import hudson.EnvVars;
import hudson.model.Run;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Only the static the plugin uses; the real class is Serializable and also reads, revokes and logs in. */
public class VaultAccessor {
    /**
     * Merges the given configuration with every VaultConfigResolver's (folder, then global), looks the
     * credential up in the build's item, logs in, and reads each secret's keys (envVar to value); a
     * key that is absent and not required maps to null. A 404 fails with a VaultPluginException when
     * the merged failIfNotFound is true.
     */
    public static Map<String, String> retrieveVaultSecrets(Run<?, ?> run, PrintStream logger, EnvVars envVars,
            VaultAccessor vaultAccessor, VaultConfiguration initialConfiguration, List<VaultSecret> vaultSecrets) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
