package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Stand-in Pods for a ReplicaSet, so that {@code kubectl get pods} reads like a real cluster's:
 * one Pod object per replica, Running and Ready when the ReplicaSet is ready, otherwise Pending
 * (ContainerCreating, or ImagePullBackOff for a failing image). Nothing runs in them.
 */
final class Pods {
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final ObjectStore store;

    Pods(ObjectStore store) {
        this.store = store;
    }

    /** Makes the ReplicaSet's Pods number {@code replicas}, the first {@code ready} of them ready. */
    void reconcile(ObjectNode replicaSet, int replicas, int ready, boolean failing) {
        String namespace = Json.text(replicaSet, "metadata.namespace");
        String uid = Json.text(replicaSet, "metadata.uid");
        List<ObjectNode> owned = store.list(ResourceCatalog.POD, namespace).stream()
                .filter(pod -> uid.equals(ownerUid(pod))).toList();
        for (int i = replicas; i < owned.size(); i++) {
            store.delete(ResourceCatalog.POD, namespace, Json.text(owned.get(i), "metadata.name"));
        }
        for (int i = 0; i < replicas; i++) {
            ObjectNode pod = i < owned.size() ? owned.get(i) : store.create(ResourceCatalog.POD, newPod(replicaSet));
            ObjectNode status = status(pod, i < ready, failing);
            if (!status.equals(pod.get("status"))) {
                pod.set("status", status);
                store.replace(ResourceCatalog.POD, pod);
            }
        }
    }

    /** Deletes Pods whose ReplicaSet is gone. */
    void collectOrphans() {
        Set<String> replicaSets = new HashSet<>();
        store.list(ResourceCatalog.REPLICA_SET, null).forEach(rs -> replicaSets.add(Json.text(rs, "metadata.uid")));
        for (ObjectNode pod : store.list(ResourceCatalog.POD, null)) {
            String owner = ownerUid(pod);
            if (owner != null && !replicaSets.contains(owner)) {
                store.delete(ResourceCatalog.POD, Json.text(pod, "metadata.namespace"), Json.text(pod, "metadata.name"));
            }
        }
    }

    private static ObjectNode newPod(ObjectNode replicaSet) {
        JsonNode template = replicaSet.path("spec").path("template");
        ObjectNode pod = Json.object();
        pod.put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode metadata = pod.putObject("metadata");
        metadata.put("name", Json.text(replicaSet, "metadata.name") + "-" + randomSuffix());
        metadata.put("namespace", Json.text(replicaSet, "metadata.namespace"));
        metadata.set("labels", template.path("metadata").path("labels").deepCopy());
        metadata.putArray("ownerReferences").addObject()
                .put("apiVersion", "apps/v1").put("kind", "ReplicaSet")
                .put("name", Json.text(replicaSet, "metadata.name")).put("uid", Json.text(replicaSet, "metadata.uid"))
                .put("controller", true).put("blockOwnerDeletion", true);
        ObjectNode spec = template.path("spec").deepCopy();
        spec.put("nodeName", "testcluster-node");
        pod.set("spec", spec);
        return pod;
    }

    private static ObjectNode status(ObjectNode pod, boolean ready, boolean failing) {
        JsonNode previous = pod.path("status");
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ObjectNode status = Json.object();
        status.put("phase", ready ? "Running" : "Pending");
        status.put("hostIP", "10.0.0.1").put("podIP", previous.path("podIP").asText(randomPodIp()));
        status.put("startTime", previous.path("startTime").asText(now));
        ArrayNode conditions = status.putArray("conditions");
        for (String type : List.of("PodScheduled", "Initialized", "ContainersReady", "Ready")) {
            boolean met = ready || type.equals("PodScheduled") || type.equals("Initialized");
            conditions.addObject().put("type", type).put("status", met ? "True" : "False");
        }
        ArrayNode containers = status.putArray("containerStatuses");
        for (JsonNode container : pod.path("spec").path("containers")) {
            ObjectNode containerStatus = containers.addObject();
            containerStatus.put("name", container.path("name").asText()).put("image", container.path("image").asText())
                    .put("ready", ready).put("restartCount", 0).put("started", ready);
            ObjectNode state = containerStatus.putObject("state");
            if (ready) {
                state.putObject("running").put("startedAt", status.get("startTime").asText());
            } else {
                state.putObject("waiting").put("reason", failing ? "ImagePullBackOff" : "ContainerCreating");
            }
        }
        return status;
    }

    private static String ownerUid(JsonNode pod) {
        for (JsonNode owner : pod.path("metadata").path("ownerReferences")) {
            if (owner.path("kind").asText().equals("ReplicaSet")) {
                return owner.path("uid").asText();
            }
        }
        return null;
    }

    private static String randomSuffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return suffix.toString();
    }

    private static String randomPodIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10.244." + random.nextInt(256) + "." + (random.nextInt(253) + 1);
    }
}
