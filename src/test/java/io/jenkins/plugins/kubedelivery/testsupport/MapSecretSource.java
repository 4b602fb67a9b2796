package io.jenkins.plugins.kubedelivery.testsupport;

import io.jenkins.plugins.kubedelivery.engine.secrets.SecretPath;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretSource;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secret source port over maps, one per KV engine version (as two Vault mounts are): a path
 * asked with the other version is not found. A path without a version is read as KV v2, the Vault
 * plugin's default. Every read is recorded.
 */
public final class MapSecretSource implements SecretSource {
    private final Map<Integer, Map<String, Map<String, String>>> engines = new HashMap<>();
    private final List<String> reads = Collections.synchronizedList(new ArrayList<>());

    public MapSecretSource put(int engineVersion, String path, Map<String, String> data) {
        engines.computeIfAbsent(engineVersion, v -> new HashMap<>()).put(path, Map.copyOf(data));
        return this;
    }

    @Override
    public Optional<Map<String, String>> read(SecretStore store, SecretPath path) {
        int version = path.engineVersion() == null ? 2 : path.engineVersion();
        reads.add("v" + version + " " + path.path());
        return Optional.ofNullable(engines.getOrDefault(version, Map.of()).get(path.path()));
    }

    /** {@code v<version> <path>} per read, in order. */
    public List<String> reads() {
        return List.copyOf(reads);
    }
}
