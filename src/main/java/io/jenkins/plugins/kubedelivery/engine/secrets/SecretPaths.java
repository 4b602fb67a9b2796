package io.jenkins.plugins.kubedelivery.engine.secrets;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.http.HttpUrls;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A step's {@code vaultSecrets}: the store and the secrets to read from it, checked when the step
 * starts (before anything is read or run). Serializable and secret-free: a resumable request keeps it
 * and reads the values again when it runs.
 */
public record SecretPaths(SecretStore store, List<SecretPath> paths) implements Serializable {
    /** The step parameter every message names. */
    public static final String PARAMETER = "vaultSecrets";
    public static final SecretPaths NONE = new SecretPaths(SecretStore.CONFIGURED, List.of());
    private static final String EXAMPLE = "e.g. vaultSecrets: [[path: 'secret/payments/prod', engineVersion: 2,"
            + " values: [[vaultKey: 'db_password', valuesKey: 'db.password']]]]";

    /** @throws ValidationException naming the entry and the fix: no path, an engine version other than 1 or 2, no keys, a values path given twice */
    public SecretPaths {
        store = store == null ? SecretStore.CONFIGURED : store;
        paths = paths == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(paths));
        if (paths.isEmpty() && !store.equals(SecretStore.CONFIGURED)) {
            throw new ValidationException(store.url() != null ? "vaultUrl" : "vaultCredentialId", "is set, but vaultSecrets is"
                    + " empty: name the secrets to read, " + EXAMPLE);
        }
        if (store.url() != null) {
            HttpUrls.requireBase("vaultUrl", store.url(), "https://vault.example.com:8200", "vaultCredentialId");
        }
        Map<String, String> takenBy = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            String entry = PARAMETER + "[" + i + "]";
            SecretPath path = paths.get(i);
            if (path == null || path.path() == null || path.path().isBlank()) {
                throw new ValidationException(entry + ".path", "is missing: give the secret's path in Vault, " + EXAMPLE);
            }
            if (path.path().chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new ValidationException(entry + ".path", "'" + NameRules.shown(path.path())
                        + "' contains spaces or control characters: give the secret's path as Vault names it, such as secret/payments/prod");
            }
            if (path.engineVersion() != null && path.engineVersion() != 1 && path.engineVersion() != 2) {
                throw new ValidationException(entry + ".engineVersion", path.engineVersion()
                        + " is not a KV secrets engine version: use 1 or 2, or leave it out for the version the Vault configuration sets");
            }
            if (path.keys().isEmpty()) {
                throw new ValidationException(entry + ".values", "is empty: map at least one key of " + path.path()
                        + " to a Helm values path, " + EXAMPLE);
            }
            for (Map.Entry<String, String> key : path.keys().entrySet()) {
                if (key.getKey() == null || key.getKey().isBlank() || key.getValue() == null || key.getValue().isBlank()) {
                    throw new ValidationException(entry + ".values", "has an empty Vault key or values path: give both, " + EXAMPLE);
                }
                String first = takenBy.putIfAbsent(key.getValue(), entry);
                if (first != null) {
                    throw new ValidationException(entry + ".values", "values path '" + key.getValue() + "' is already set by "
                            + first + ": give each values path one source");
                }
            }
        }
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    /** Every Helm values path the secrets fill, in order. */
    public List<String> valuesKeys() {
        List<String> keys = new ArrayList<>();
        paths.forEach(path -> keys.addAll(path.keys().values()));
        return keys;
    }
}
