package io.jenkins.plugins.kubedelivery.testsupport;

import com.datapipe.jenkins.vault.configuration.VaultConfiguration;
import com.datapipe.jenkins.vault.exception.VaultPluginException;
import com.datapipe.jenkins.vault.model.VaultSecret;
import com.datapipe.jenkins.vault.model.VaultSecretValue;
import hudson.EnvVars;
import hudson.model.Run;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.rules.ExternalResource;

/**
 * An in-memory Vault behind the test implementation of {@code VaultAccessor.retrieveVaultSecrets},
 * doing what that method does in hashicorp-vault-plugin 379.v080d932e61e4 (VaultAccessor.java):
 * the step's configuration merged over the admins' (a value the step leaves null is the admins'),
 * no URL or no credential id refused, each secret read with its own engine version or the
 * configuration's (KV v2 by default, as {@code fixDefaults} sets it), a 404 failing when
 * {@code failIfNotFound} and skipped otherwise, a blank key failing only when required and
 * otherwise returned as {@code null}, and the values keyed by each value's envVar. KV v1 and v2
 * secrets live apart, as on two mounts: a path of one is not found through the other.
 *
 * <p>A rule: the store is the current one for the test and is emptied after it.
 */
public final class TestVault extends ExternalResource {
    public static final String ADMIN_URL = "https://vault.example.com";
    public static final String ADMIN_CREDENTIAL = "vault-approle";

    private static volatile TestVault current;

    private final Map<Integer, Map<String, Map<String, String>>> engines = new HashMap<>();
    private final List<VaultConfiguration> configurations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> pathsRead = Collections.synchronizedList(new ArrayList<>());
    private String adminUrl = ADMIN_URL;
    private String adminCredential = ADMIN_CREDENTIAL;
    private int adminEngineVersion = 2;

    public static TestVault current() {
        TestVault vault = current;
        if (vault == null) {
            throw new IllegalStateException("no TestVault rule in this test");
        }
        return vault;
    }

    @Override
    protected void before() {
        current = this;
    }

    @Override
    protected void after() {
        current = null;
    }

    /** A secret on the KV engine of that version. */
    public TestVault put(int engineVersion, String path, Map<String, String> data) {
        engines.computeIfAbsent(engineVersion, v -> new HashMap<>()).put(path, Map.copyOf(data));
        return this;
    }

    /** The admins' configuration: what a step that gives none uses. */
    public TestVault configured(String url, String credentialId, int engineVersion) {
        adminUrl = url;
        adminCredential = credentialId;
        adminEngineVersion = engineVersion;
        return this;
    }

    /** Each configuration a step handed over, as given (before the merge). */
    public List<VaultConfiguration> configurations() {
        return List.copyOf(configurations);
    }

    /** Each path read, with the URL and credential after the merge: {@code url credential v<version> path}. */
    public List<String> pathsRead() {
        return List.copyOf(pathsRead);
    }

    public Map<String, String> retrieve(Run<?, ?> run, PrintStream logger, EnvVars envVars, VaultConfiguration step,
            List<VaultSecret> secrets) {
        configurations.add(step);
        String url = step.getVaultUrl() != null ? step.getVaultUrl() : adminUrl;
        String credential = step.getVaultCredentialId() != null ? step.getVaultCredentialId() : adminCredential;
        boolean failIfNotFound = step.getFailIfNotFound() == null || step.getFailIfNotFound();
        if (url == null || url.isBlank()) {
            throw new VaultPluginException("The vault url was not configured - please specify the vault url to use.");
        }
        if (credential == null || credential.isBlank()) {
            throw new VaultPluginException("The credential id was not configured - please specify the credentials to use.");
        }
        Map<String, String> overrides = new HashMap<>();
        for (VaultSecret secret : secrets) {
            String path = secret.getPath(); // the real one expands ${VARIABLES} through envVars first
            logger.printf("Retrieving secret: %s%n", path);
            int engineVersion = secret.getEngineVersion() != null ? secret.getEngineVersion() : adminEngineVersion;
            pathsRead.add(url + " " + credential + " v" + engineVersion + " " + path);
            Map<String, String> data = engines.getOrDefault(engineVersion, Map.of()).get(path);
            if (data == null) {
                if (failIfNotFound) {
                    throw new VaultPluginException(String.format("Vault credentials not found for '%s'", path));
                }
                logger.printf("Vault credentials not found for '%s'%n", path);
                continue;
            }
            for (VaultSecretValue value : secret.getSecretValues()) {
                String found = data.get(value.getVaultKey());
                if ((found == null || found.isBlank()) && value.getIsRequired()) {
                    throw new IllegalArgumentException("Vault Secret " + value.getVaultKey() + " at " + path
                            + " is either null or empty. Please check the Secret in Vault.");
                }
                overrides.put(value.getEnvVar(), found);
            }
        }
        return overrides;
    }
}
