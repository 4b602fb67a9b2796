package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the real namespace registry and NamespaceLifecycle admission plugin do: deleting a
 * Namespace only marks it {@code Terminating} (deletionTimestamp set, the
 * {@link NamespaceController} empties and removes it later), and nothing new may be created in a
 * namespace that is missing (404) or terminating (403 Forbidden, cause {@code NamespaceTerminating}).
 */
final class NamespaceLifecycle {
    static final String TERMINATING = "Terminating";

    private final ObjectStore store;

    NamespaceLifecycle(ObjectStore store) {
        this.store = store;
    }

    /**
     * The first delete starts the termination and answers the Terminating namespace; a repeated
     * one answers it again, unchanged. Preconditions are checked first, as the registry does.
     */
    ObjectNode delete(String name, Preconditions preconditions, boolean dryRun) {
        ObjectNode live = store.get(ResourceCatalog.NAMESPACE, null, name);
        if (live == null) {
            throw ApiException.notFound(ResourceCatalog.NAMESPACE, name);
        }
        preconditions.check(ResourceCatalog.NAMESPACE, live);
        if (terminating(live)) {
            return live;
        }
        if (dryRun) {
            return startTermination(live);
        }
        return store.update(ResourceCatalog.NAMESPACE, null, name, preconditions, NamespaceLifecycle::startTermination);
    }

    /** Refuses a create into a namespace that does not exist or is being terminated. */
    void admitCreate(RequestPath path, String objectName) {
        if (!path.type().namespaced()) {
            return;
        }
        ObjectNode namespace = store.get(ResourceCatalog.NAMESPACE, null, path.namespace());
        if (namespace == null) {
            throw ApiException.notFound(ResourceCatalog.NAMESPACE, path.namespace());
        }
        if (terminating(namespace)) {
            ObjectNode cause = Json.object();
            cause.put("reason", "NamespaceTerminating")
                    .put("message", "namespace " + path.namespace() + " is being terminated")
                    .put("field", "metadata.namespace");
            throw ApiException.forbidden(path.type(), objectName, "unable to create new content in namespace "
                    + path.namespace() + " because it is being terminated", cause);
        }
    }

    static boolean terminating(JsonNode namespace) {
        return namespace.path("metadata").hasNonNull("deletionTimestamp");
    }

    private static ObjectNode startTermination(ObjectNode namespace) {
        Json.child(namespace, "metadata").put("deletionTimestamp",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Json.child(namespace, "status").put("phase", TERMINATING);
        return namespace;
    }
}
