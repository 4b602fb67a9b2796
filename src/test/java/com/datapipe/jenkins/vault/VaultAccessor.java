// Not a mirror: the test implementation of the declared VaultAccessor (src/jenkins-api), which the
// test classpath puts first. It hands the one declared member to TestVault.
package com.datapipe.jenkins.vault;

import com.datapipe.jenkins.vault.configuration.VaultConfiguration;
import com.datapipe.jenkins.vault.model.VaultSecret;
import hudson.EnvVars;
import hudson.model.Run;
import io.jenkins.plugins.kubedelivery.testsupport.TestVault;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

public class VaultAccessor {
    public static Map<String, String> retrieveVaultSecrets(Run<?, ?> run, PrintStream logger, EnvVars envVars,
            VaultAccessor vaultAccessor, VaultConfiguration initialConfiguration, List<VaultSecret> vaultSecrets) {
        return TestVault.current().retrieve(run, logger, envVars, initialConfiguration, vaultSecrets);
    }
}
