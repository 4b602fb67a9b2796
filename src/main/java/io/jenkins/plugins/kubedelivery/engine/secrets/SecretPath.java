package io.jenkins.plugins.kubedelivery.engine.secrets;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One secret to read and where its keys go: the secret's path in the store, the KV engine version
 * ({@code 1} or {@code 2}; {@code null} for the version the admins configured), and each key of the
 * secret mapped to the Helm values path that receives its value ({@code db_password} to
 * {@code db.password}). Names only: the values are read when the command runs and never kept here.
 */
public record SecretPath(String path, Integer engineVersion, Map<String, String> keys) implements Serializable {
    public SecretPath {
        keys = keys == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /** How the log names it: the path and the engine version when one is given. */
    public String label() {
        return path + (engineVersion == null ? "" : " (KV v" + engineVersion + ")");
    }
}
