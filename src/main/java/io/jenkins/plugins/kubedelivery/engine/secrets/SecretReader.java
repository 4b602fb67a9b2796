package io.jenkins.plugins.kubedelivery.engine.secrets;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.SecretMask;
import io.jenkins.plugins.kubedelivery.engine.deploy.Durations;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a step's {@code vaultSecrets} through the {@link SecretSource} port when the command runs:
 * every value read is registered with the masking filter at once, before it goes anywhere, and a
 * missing secret or key fails naming path and key, never becoming an empty value.
 */
public final class SecretReader {
    private final SecretSource source;
    private final SecretMask mask;
    private final EngineLog log;
    private final Clock clock;

    public SecretReader(SecretSource source, SecretMask mask, EngineLog log, Clock clock) {
        this.source = source;
        this.mask = mask;
        this.log = log;
        this.clock = clock;
    }

    /**
     * @return each Helm values path to its secret value, in the order the paths and keys were given
     * @throws EngineException naming path and key when a secret or key is missing or empty, or when the store fails
     */
    public Map<String, String> read(SecretPaths secrets) throws InterruptedException {
        Map<String, String> values = new LinkedHashMap<>();
        long started = clock.millis();
        for (SecretPath path : secrets.paths()) {
            Optional<Map<String, String>> found = source.read(secrets.store(), path);
            if (found.isEmpty()) {
                throw new EngineException(SecretPaths.PARAMETER + ": Vault has no secret at path '" + path.path() + "' (wanted keys "
                        + String.join(", ", path.keys().keySet()) + "); check the path and the engine version (KV v2 paths"
                        + " are given without 'data/')");
            }
            Map<String, String> data = found.get();
            data.values().forEach(mask::add); // first, so no message below or later can show one
            for (Map.Entry<String, String> key : path.keys().entrySet()) {
                String value = data.get(key.getKey());
                if (value == null || value.isEmpty()) {
                    throw new EngineException(SecretPaths.PARAMETER + ": Vault path '" + path.path() + "' has "
                            + (value == null ? "no key '" : "an empty value for key '") + key.getKey() + "' (for values path "
                            + key.getValue() + "); add the key in Vault or correct the mapping");
                }
                values.put(key.getValue(), value);
            }
        }
        SecretStore store = secrets.store();
        log.line("Read " + values.size() + " secret value" + (values.size() == 1 ? "" : "s") + " from Vault"
                + (store.url() == null ? "" : " at " + store.url())
                + (store.credentialsId() == null ? "" : " with credential " + store.credentialsId()) + " ("
                + secrets.paths().stream().map(SecretPath::label).reduce((a, b) -> a + ", " + b).orElse("") + ") in "
                + Durations.human(Duration.ofMillis(clock.millis() - started)) + ": " + String.join(", ", values.keySet()));
        return values;
    }
}
