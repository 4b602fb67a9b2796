package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * A StatefulSet controller as {@code kubectl rollout status}, helm 3's {@code --wait} and helm 4's
 * kstatus read one: stand-in Pods {@code <name>-0..n-1}, created in order (OrderedReady: the next
 * only once the previous is ready; Parallel: all at once), each with its volumeClaimTemplates'
 * PVCs (which must be Bound before the Pod is ready); a ControllerRevision per template; a rolling
 * update that replaces Pods from the highest ordinal down to {@code partition}, one at a time;
 * and the status fields replicas, readyReplicas, availableReplicas, currentReplicas,
 * updatedReplicas, currentRevision, updateRevision.
 */
final class StatefulSetController implements ControllerLoop.Controller {
    static final String REVISION_LABEL = "controller-revision-hash";

    private final ObjectStore store;
    private final Rollouts rollouts;
    private final Pods pods;
    private final PodClock clock;
    private final ControllerRevisions revisions;

    StatefulSetController(ObjectStore store, Rollouts rollouts) {
        this.store = store;
        this.rollouts = rollouts;
        this.pods = new Pods(store);
        this.clock = new PodClock(rollouts);
        this.revisions = new ControllerRevisions(store);
    }

    @Override
    public void reconcile() {
        for (ObjectNode set : store.list(ResourceCatalog.STATEFUL_SET, null)) {
            reconcile(set);
        }
    }

    private void reconcile(ObjectNode set) {
        String namespace = Json.text(set, "metadata.namespace");
        String name = Json.text(set, "metadata.name");
        JsonNode spec = set.path("spec");
        int replicas = spec.path("replicas").asInt(1);
        boolean ordered = !"Parallel".equals(spec.path("podManagementPolicy").asText());
        int partition = spec.path("updateStrategy").path("rollingUpdate").path("partition").asInt(0);
        String updateRevision = Json.text(revisions.current(set), "metadata.name");
        String currentRevision = set.path("status").path("currentRevision").asText(updateRevision);
        boolean failing = rollouts.failing(spec.path("template").path("spec"));

        Map<Integer, ObjectNode> byOrdinal = new HashMap<>();
        for (ObjectNode pod : store.list(ResourceCatalog.POD, namespace)) {
            int ordinal = ordinal(pod, name, Json.text(set, "metadata.uid"));
            if (ordinal >= replicas) {
                deletePod(pod);
            } else if (ordinal >= 0) {
                byOrdinal.put(ordinal, pod);
            }
        }
        boolean allReady = true;
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            ObjectNode pod = byOrdinal.get(ordinal);
            if (pod == null) {
                if (ordered && !allReady) {
                    break;
                }
                claimVolumes(set, ordinal);
                pod = store.create(ResourceCatalog.POD, newPod(set, ordinal, updateRevision));
                byOrdinal.put(ordinal, pod);
            }
            boolean ready = clock.ready(Json.text(pod, "metadata.uid"), failing) && volumesBound(pod);
            pods.writeStatus(pod, ready, failing);
            allReady &= ready;
        }
        if (allReady && byOrdinal.size() == replicas) {
            rollOneOver(set, byOrdinal, replicas, partition, updateRevision);
        }
        writeStatus(set, byOrdinal, replicas, currentRevision, updateRevision);
    }

    /** Replaces the highest-ordinal Pod not at the update revision, down to the partition. */
    private void rollOneOver(ObjectNode set, Map<Integer, ObjectNode> byOrdinal, int replicas, int partition,
            String updateRevision) {
        for (int ordinal = replicas - 1; ordinal >= partition; ordinal--) {
            ObjectNode pod = byOrdinal.get(ordinal);
            if (!updateRevision.equals(revisionOf(pod))) {
                deletePod(pod);
                byOrdinal.put(ordinal, store.create(ResourceCatalog.POD, newPod(set, ordinal, updateRevision)));
                return;
            }
        }
    }

    private void writeStatus(ObjectNode set, Map<Integer, ObjectNode> byOrdinal, int replicas, String currentRevision,
            String updateRevision) {
        int ready = 0;
        int updated = 0;
        int current = 0;
        for (ObjectNode pod : byOrdinal.values()) {
            ready += Pods.isReady(pod) ? 1 : 0;
            updated += updateRevision.equals(revisionOf(pod)) ? 1 : 0;
            current += currentRevision.equals(revisionOf(pod)) ? 1 : 0;
        }
        String revision = currentRevision;
        if (updated == replicas && ready == replicas) {
            revision = updateRevision;
            current = updated;
        }
        ObjectNode status = Json.object();
        status.put("observedGeneration", set.path("metadata").path("generation").asLong())
                .put("replicas", byOrdinal.size()).put("readyReplicas", ready).put("currentReplicas", current)
                .put("updatedReplicas", updated).put("currentRevision", revision).put("updateRevision", updateRevision)
                .put("collisionCount", 0).put("availableReplicas", ready);
        if (!status.equals(set.get("status"))) {
            set.set("status", status);
            store.replace(ResourceCatalog.STATEFUL_SET, set);
        }
    }

    private ObjectNode newPod(ObjectNode set, int ordinal, String revision) {
        String name = Json.text(set, "metadata.name") + "-" + ordinal;
        ObjectNode pod = Pods.newPod(name, set, set.path("spec").path("template"), Pods.NODE_NAME);
        ObjectNode labels = Json.child(Json.child(pod, "metadata"), "labels");
        labels.put(REVISION_LABEL, revision).put("statefulset.kubernetes.io/pod-name", name)
                .put("apps.kubernetes.io/pod-index", Integer.toString(ordinal));
        ObjectNode spec = (ObjectNode) pod.get("spec");
        spec.put("hostname", name);
        if (set.path("spec").hasNonNull("serviceName")) {
            spec.put("subdomain", set.path("spec").path("serviceName").asText());
        }
        ArrayNode volumes = spec.withArray("volumes");
        for (JsonNode template : set.path("spec").path("volumeClaimTemplates")) {
            String claim = Json.text(template, "metadata.name");
            volumes.addObject().put("name", claim).putObject("persistentVolumeClaim")
                    .put("claimName", claimName(set, claim, ordinal));
        }
        return pod;
    }

    /** Creates the Pod's PersistentVolumeClaims from the templates, if missing; they outlive the set (Retain). */
    private void claimVolumes(ObjectNode set, int ordinal) {
        String namespace = Json.text(set, "metadata.namespace");
        for (JsonNode template : set.path("spec").path("volumeClaimTemplates")) {
            String name = claimName(set, Json.text(template, "metadata.name"), ordinal);
            if (store.get(ResourceCatalog.PERSISTENT_VOLUME_CLAIM, namespace, name) == null) {
                ObjectNode claim = template.deepCopy();
                claim.put("apiVersion", "v1").put("kind", "PersistentVolumeClaim");
                ObjectNode metadata = Json.child(claim, "metadata");
                metadata.put("name", name).put("namespace", namespace);
                Json.child(metadata, "labels").setAll((ObjectNode) set.path("spec").path("selector").path("matchLabels")
                        .deepCopy());
                ObjectNode spec = Json.child(claim, "spec");
                if (!spec.hasNonNull("volumeMode")) {
                    spec.put("volumeMode", "Filesystem");
                }
                claim.remove("status");
                claim.putObject("status").put("phase", "Pending");
                store.create(ResourceCatalog.PERSISTENT_VOLUME_CLAIM, claim);
            }
        }
    }

    private boolean volumesBound(ObjectNode pod) {
        String namespace = Json.text(pod, "metadata.namespace");
        for (JsonNode volume : pod.path("spec").path("volumes")) {
            String claim = Json.text(volume, "persistentVolumeClaim.claimName");
            if (claim != null) {
                ObjectNode live = store.get(ResourceCatalog.PERSISTENT_VOLUME_CLAIM, namespace, claim);
                if (live == null || !"Bound".equals(Json.text(live, "status.phase"))) {
                    return false;
                }
            }
        }
        return true;
    }

    private void deletePod(ObjectNode pod) {
        store.delete(ResourceCatalog.POD, Json.text(pod, "metadata.namespace"), Json.text(pod, "metadata.name"));
        clock.forget(Json.text(pod, "metadata.uid"));
    }

    private static String claimName(ObjectNode set, String template, int ordinal) {
        return template + "-" + Json.text(set, "metadata.name") + "-" + ordinal;
    }

    private static String revisionOf(JsonNode pod) {
        return pod.path("metadata").path("labels").path(REVISION_LABEL).asText();
    }

    /** The ordinal of a Pod this set controls, else -1. */
    private static int ordinal(JsonNode pod, String setName, String setUid) {
        if (!setUid.equals(Pods.controllerUid(pod))) {
            return -1;
        }
        String name = Json.text(pod, "metadata.name");
        try {
            return Integer.parseInt(name.substring(setName.length() + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return -1;
        }
    }
}
