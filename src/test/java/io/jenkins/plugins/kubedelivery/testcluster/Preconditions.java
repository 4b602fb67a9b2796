package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code preconditions} of a DeleteOptions body: the uid and resourceVersion the object must
 * still have. A mismatch is answered as the real API server answers it: 409 Conflict, worded by
 * the apiserver's storage layer (an "invalid object" StorageError) or, for a Namespace, by the
 * namespace registry itself.
 */
record Preconditions(String uid, String resourceVersion) {
    static final Preconditions NONE = new Preconditions(null, null);

    /** The few resources whose etcd key prefix is not their plural name, as the storage error shows the key. */
    private static final Map<String, String> KEY_PREFIXES = Map.of(
            "/services", "services/specs", "/nodes", "minions", "networking.k8s.io/ingresses", "ingress");

    /** The preconditions of a DeleteOptions body, or none when the body is empty or names none. */
    static Preconditions of(JsonNode deleteOptions) {
        JsonNode preconditions = deleteOptions == null ? null : deleteOptions.get("preconditions");
        if (preconditions == null || !preconditions.isObject()) {
            return NONE;
        }
        return new Preconditions(Json.text(preconditions, "uid"), Json.text(preconditions, "resourceVersion"));
    }

    /** Throws the real server's Conflict when {@code live} no longer has the uid or resourceVersion asked for. */
    void check(ResourceType type, JsonNode live) {
        failure(live).ifPresent(failure -> {
            String name = Json.text(live, "metadata.name");
            String cause = type.equals(ResourceCatalog.NAMESPACE) ? failure
                    : "StorageError: invalid object, Code: 4, Key: " + storageKey(type, live)
                            + ", ResourceVersion: 0, AdditionalErrorMsg: " + failure;
            throw ApiException.conflict(type, name, cause);
        });
    }

    private Optional<String> failure(JsonNode live) {
        String liveUid = Json.text(live, "metadata.uid");
        if (uid != null && !uid.equals(liveUid)) {
            return Optional.of("Precondition failed: UID in precondition: " + uid + ", UID in object meta: " + liveUid);
        }
        String liveVersion = Json.text(live, "metadata.resourceVersion");
        if (resourceVersion != null && !resourceVersion.equals(liveVersion)) {
            return Optional.of("Precondition failed: ResourceVersion in precondition: " + resourceVersion
                    + ", ResourceVersion in object meta: " + liveVersion);
        }
        return Optional.empty();
    }

    private static String storageKey(ResourceType type, JsonNode live) {
        String prefix = KEY_PREFIXES.getOrDefault(type.key(), type.plural());
        String namespace = Json.text(live, "metadata.namespace");
        return "/registry/" + prefix + "/" + (namespace == null ? "" : namespace + "/") + Json.text(live, "metadata.name");
    }
}
