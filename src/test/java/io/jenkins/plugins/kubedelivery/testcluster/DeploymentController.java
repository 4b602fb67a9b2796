package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small Deployment controller: one ReplicaSet per pod template (re-used on rollback), replica
 * counts and conditions in the Deployment's and ReplicaSets' status, readiness after a delay, a
 * {@code ProgressDeadlineExceeded} failure for images whose tag a test named ({@link
 * GarbageCollector} removes ReplicaSets whose Deployment is gone). Stand-in Pods ({@link Pods}) follow the
 * ReplicaSets.
 */
final class DeploymentController implements ControllerLoop.Controller {
    private final ObjectStore store;
    private final Rollouts rollouts;
    private final Pods pods;
    private final Map<String, Long> rolloutStarts = new ConcurrentHashMap<>();

    DeploymentController(ObjectStore store, Rollouts rollouts) {
        this.store = store;
        this.rollouts = rollouts;
        this.pods = new Pods(store);
    }

    @Override
    public void reconcile() {
        for (ObjectNode deployment : store.list(ResourceCatalog.DEPLOYMENT, null)) {
            reconcile(deployment);
        }
    }

    private void reconcile(ObjectNode deployment) {
        String namespace = Json.text(deployment, "metadata.namespace");
        String uid = Json.text(deployment, "metadata.uid");
        String hash = ReplicaSets.templateHash(deployment.path("spec").path("template"));
        List<ObjectNode> owned = store.list(ResourceCatalog.REPLICA_SET, namespace).stream()
                .filter(rs -> ReplicaSets.ownedBy(rs, uid)).toList();
        long newest = owned.stream().mapToLong(ReplicaSets::revision).max().orElse(0);
        ObjectNode current = owned.stream().filter(rs -> ReplicaSets.hash(rs).equals(hash)).findFirst().orElse(null);
        if (current == null) {
            current = store.create(ResourceCatalog.REPLICA_SET, ReplicaSets.newFor(deployment, hash, newest + 1));
        } else if (ReplicaSets.revision(current) < newest) {
            Json.child(Json.child(current, "metadata"), "annotations").put(ReplicaSets.REVISION, Long.toString(newest + 1));
            current = store.replace(ResourceCatalog.REPLICA_SET, current);
        }
        long revision = ReplicaSets.revision(current);
        long started = rolloutStarts.computeIfAbsent(uid + "/" + revision, k -> System.currentTimeMillis());
        long elapsed = System.currentTimeMillis() - started;
        int desired = deployment.path("spec").path("replicas").asInt(1);
        boolean failing = rollouts.failing(deployment.path("spec").path("template").path("spec"));
        Rollout rollout = new Rollout(desired, !failing && elapsed >= rollouts.readyAfterMillis(),
                failing && elapsed >= rollouts.failAfterMillis(), Json.text(current, "metadata.name"));
        int oldReady = 0;
        for (ObjectNode replicaSet : owned) {
            if (!ReplicaSets.hash(replicaSet).equals(hash)) {
                oldReady += scaleOld(replicaSet, rollout.ready());
            }
        }
        writeReplicaSetStatus(current, desired, rollout.ready() ? desired : 0, failing);
        writeDeploymentStatus(deployment, rollout, oldReady, revision);
    }

    private record Rollout(int desired, boolean ready, boolean deadlineExceeded, String replicaSetName) {}

    /** Old ReplicaSets keep serving until the new one is ready; returns their ready replicas. */
    private int scaleOld(ObjectNode replicaSet, boolean newReady) {
        int replicas = newReady ? 0 : replicaSet.path("spec").path("replicas").asInt();
        if (replicaSet.path("spec").path("replicas").asInt() != replicas) {
            ((ObjectNode) replicaSet.get("spec")).put("replicas", replicas);
            replicaSet = store.replace(ResourceCatalog.REPLICA_SET, replicaSet);
        }
        writeReplicaSetStatus(replicaSet, replicas, replicas, false);
        return replicas;
    }

    private void writeReplicaSetStatus(ObjectNode replicaSet, int replicas, int ready, boolean failing) {
        ObjectNode status = Json.object();
        status.put("replicas", replicas).put("fullyLabeledReplicas", replicas).put("readyReplicas", ready)
                .put("availableReplicas", ready)
                .put("observedGeneration", replicaSet.path("metadata").path("generation").asLong());
        if (((ObjectNode) replicaSet.get("spec")).path("replicas").asInt() != replicas) {
            ((ObjectNode) replicaSet.get("spec")).put("replicas", replicas);
        }
        updateStatus(ResourceCatalog.REPLICA_SET, replicaSet, status);
        pods.reconcile(replicaSet, replicas, ready, failing);
    }

    private void writeDeploymentStatus(ObjectNode deployment, Rollout rollout, int oldReady, long revision) {
        int desired = rollout.desired();
        int ready = rollout.ready() ? desired : oldReady;
        int total = desired + (rollout.ready() ? 0 : oldReady);
        ObjectNode status = Json.object();
        status.put("observedGeneration", deployment.path("metadata").path("generation").asLong());
        status.put("replicas", total).put("updatedReplicas", desired).put("readyReplicas", ready)
                .put("availableReplicas", ready);
        if (total > ready) {
            status.put("unavailableReplicas", total - ready);
        }
        JsonNode previous = deployment.path("status").path("conditions");
        ArrayNode conditions = status.putArray("conditions");
        boolean available = ready > 0 || desired == 0;
        conditions.add(condition(previous, "Available", available, available ? "MinimumReplicasAvailable"
                : "MinimumReplicasUnavailable", available ? "Deployment has minimum availability."
                : "Deployment does not have minimum availability."));
        String rs = "ReplicaSet \"" + rollout.replicaSetName() + "\"";
        if (rollout.deadlineExceeded()) {
            conditions.add(condition(previous, "Progressing", false, "ProgressDeadlineExceeded",
                    rs + " has timed out progressing."));
        } else if (rollout.ready()) {
            conditions.add(condition(previous, "Progressing", true, "NewReplicaSetAvailable",
                    rs + " has successfully progressed."));
        } else {
            conditions.add(condition(previous, "Progressing", true, "ReplicaSetUpdated", rs + " is progressing."));
        }
        String liveRevision = deployment.path("metadata").path("annotations").path(ReplicaSets.REVISION).asText("");
        if (!liveRevision.equals(Long.toString(revision))) {
            Json.child(Json.child(deployment, "metadata"), "annotations").put(ReplicaSets.REVISION, Long.toString(revision));
            deployment.set("status", status);
            store.replace(ResourceCatalog.DEPLOYMENT, deployment);
            return;
        }
        updateStatus(ResourceCatalog.DEPLOYMENT, deployment, status);
    }

    /** A condition that keeps its timestamps while its status and reason stay the same. */
    private static ObjectNode condition(JsonNode previous, String type, boolean status, String reason, String message) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ObjectNode condition = Json.object();
        condition.put("type", type).put("status", status ? "True" : "False")
                .put("lastUpdateTime", now).put("lastTransitionTime", now)
                .put("reason", reason).put("message", message);
        for (JsonNode old : previous) {
            if (old.path("type").asText().equals(type) && old.path("status").asText().equals(condition.get("status").asText())) {
                condition.set("lastTransitionTime", old.get("lastTransitionTime"));
                if (old.path("reason").asText().equals(reason)) {
                    condition.set("lastUpdateTime", old.get("lastUpdateTime"));
                }
            }
        }
        return condition;
    }

    /** Writes a status only when it changed, so that watches see no needless events. */
    private void updateStatus(ResourceType type, ObjectNode object, ObjectNode status) {
        if (!status.equals(object.get("status"))) {
            object.set("status", status);
            store.replace(type, object);
        }
    }

}
