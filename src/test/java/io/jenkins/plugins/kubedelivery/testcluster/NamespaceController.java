package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finishes what {@link NamespaceLifecycle} starts, as the real namespace controller does: a
 * Terminating namespace is emptied of every namespaced object at once, reports that in its
 * deletion conditions, and disappears once it has been Terminating for the configured delay, so
 * that tests can watch the phase (the real one takes seconds).
 */
final class NamespaceController implements ControllerLoop.Controller {
    private static final List<String[]> DELETION_CONDITIONS = List.of(
            new String[] {"NamespaceDeletionDiscoveryFailure", "ResourcesDiscovered", "All resources successfully discovered"},
            new String[] {"NamespaceDeletionGroupVersionParsingFailure", "ParsedGroupVersions",
                "All legacy kube types successfully parsed"},
            new String[] {"NamespaceDeletionContentFailure", "ContentDeleted",
                "All content successfully deleted, may be waiting on finalization"},
            new String[] {"NamespaceContentRemaining", "ContentRemoved", "All content successfully removed"},
            new String[] {"NamespaceFinalizersRemaining", "ContentHasNoFinalizers", "All content-preserving finalizers finished"});

    private final ObjectStore store;
    private final ResourceCatalog catalog;
    private final Map<String, Long> terminationStarts = new ConcurrentHashMap<>();
    private volatile Duration terminateAfter = Duration.ofMillis(500);

    NamespaceController(ObjectStore store, ResourceCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    void terminateAfter(Duration delay) {
        terminateAfter = delay;
    }

    @Override
    public void reconcile() {
        for (ObjectNode namespace : store.list(ResourceCatalog.NAMESPACE, null)) {
            if (NamespaceLifecycle.terminating(namespace)) {
                terminate(namespace);
            }
        }
    }

    private void terminate(ObjectNode namespace) {
        String name = Json.text(namespace, "metadata.name");
        String uid = Json.text(namespace, "metadata.uid");
        long started = terminationStarts.computeIfAbsent(uid, k -> System.currentTimeMillis());
        removeContents(name);
        if (!namespace.path("status").has("conditions")) {
            store.update(ResourceCatalog.NAMESPACE, null, name, Preconditions.NONE, NamespaceController::contentRemoved);
        }
        if (System.currentTimeMillis() - started >= terminateAfter.toMillis()) {
            store.delete(ResourceCatalog.NAMESPACE, null, name, new Preconditions(uid, null));
            terminationStarts.remove(uid);
        }
    }

    private void removeContents(String namespace) {
        for (ResourceType type : catalog.storedTypes()) {
            if (type.namespaced()) {
                for (ObjectNode object : store.list(type, namespace)) {
                    store.delete(type, namespace, Json.text(object, "metadata.name"));
                }
            }
        }
    }

    private static ObjectNode contentRemoved(ObjectNode namespace) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ArrayNode conditions = Json.child(namespace, "status").putArray("conditions");
        for (String[] condition : DELETION_CONDITIONS) {
            conditions.addObject().put("type", condition[0]).put("status", "False").put("lastTransitionTime", now)
                    .put("reason", condition[1]).put("message", condition[2]);
        }
        return namespace;
    }
}
