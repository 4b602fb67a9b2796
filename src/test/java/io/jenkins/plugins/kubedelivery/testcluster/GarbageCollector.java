package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deletes objects none of whose owners exist any more, as the real garbage collector does with
 * background propagation: the ReplicaSets of a deleted Deployment, the Pods and ControllerRevisions
 * of a deleted StatefulSet or DaemonSet, and so on down. Orphaning is not offered.
 */
final class GarbageCollector implements ControllerLoop.Controller {
    private final ObjectStore store;
    private final ResourceCatalog catalog;
    /** The store's resourceVersion at the last pass: nothing can have become orphaned while it stays. */
    private long collectedAt = -1;

    GarbageCollector(ObjectStore store, ResourceCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    @Override
    public void reconcile() {
        long revision = store.revision();
        if (revision == collectedAt) {
            return;
        }
        collectedAt = revision;
        List<ResourceType> types = catalog.storedTypes();
        Map<ResourceType, List<ObjectNode>> dependents = new LinkedHashMap<>();
        for (ResourceType type : types) {
            dependents.put(type, store.list(type, null).stream()
                    .filter(object -> !object.path("metadata").path("ownerReferences").isEmpty()).toList());
        }
        // Read after the dependents, so that an owner created meanwhile counts as existing.
        Set<String> uids = new HashSet<>();
        for (ResourceType type : types) {
            store.list(type, null).forEach(object -> uids.add(Json.text(object, "metadata.uid")));
        }
        dependents.forEach((type, objects) -> objects.stream().filter(object -> orphaned(object, uids))
                .forEach(object -> store.delete(type, Json.text(object, "metadata.namespace"),
                        Json.text(object, "metadata.name"), new Preconditions(Json.text(object, "metadata.uid"), null))));
    }

    private static boolean orphaned(JsonNode object, Set<String> uids) {
        JsonNode owners = object.path("metadata").path("ownerReferences");
        if (owners.isEmpty()) {
            return false;
        }
        for (JsonNode owner : owners) {
            if (uids.contains(owner.path("uid").asText())) {
                return false;
            }
        }
        return true;
    }
}
