package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Stand-in Pods for a ReplicaSet, so that {@code kubectl get pods} reads like a real cluster's:
 * one Pod object per replica, Running and Ready when the ReplicaSet is ready, otherwise Pending
 * (ContainerCreating, or ImagePullBackOff for a failing image). Nothing runs in them.
 */
final class Pods {
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    /** The node of the ReplicaSets' Pods, the first stand-in node. */
    static final String NODE_NAME = "testcluster-node";

    private final ObjectStore store;

    Pods(ObjectStore store) {
        this.store = store;
    }

    /** Makes the ReplicaSet's Pods number {@code replicas}, the first {@code ready} of them ready. */
    void reconcile(ObjectNode replicaSet, int replicas, int ready, boolean failing) {
        String namespace = Json.text(replicaSet, "metadata.namespace");
        String uid = Json.text(replicaSet, "metadata.uid");
        List<ObjectNode> owned = store.list(ResourceCatalog.POD, namespace).stream()
                .filter(pod -> uid.equals(controllerUid(pod))).toList();
        for (int i = replicas; i < owned.size(); i++) {
            store.delete(ResourceCatalog.POD, namespace, Json.text(owned.get(i), "metadata.name"));
        }
        for (int i = 0; i < replicas; i++) {
            ObjectNode pod = i < owned.size() ? owned.get(i) : store.create(ResourceCatalog.POD,
                    newPod(Json.text(replicaSet, "metadata.name") + "-" + randomSuffix(), replicaSet,
                            replicaSet.path("spec").path("template"), NODE_NAME));
            writeStatus(pod, i < ready, failing);
        }
    }

    /** Writes the status of a stand-in Pod, Running and Ready or Pending, when it changed. */
    void writeStatus(ObjectNode pod, boolean ready, boolean failing) {
        ObjectNode status = status(pod, ready, failing);
        if (!status.equals(pod.get("status"))) {
            pod.set("status", status);
            store.replace(ResourceCatalog.POD, pod);
        }
    }

    static boolean isReady(JsonNode pod) {
        for (JsonNode condition : pod.path("status").path("conditions")) {
            if (condition.path("type").asText().equals("Ready")) {
                return condition.path("status").asText().equals("True");
            }
        }
        return false;
    }

    /** A Pod named {@code name} from a pod template, controlled by {@code owner} and bound to a node. */
    static ObjectNode newPod(String name, ObjectNode owner, JsonNode template, String nodeName) {
        ObjectNode pod = Json.object();
        pod.put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode metadata = pod.putObject("metadata");
        metadata.put("name", name);
        metadata.put("namespace", Json.text(owner, "metadata.namespace"));
        metadata.set("labels", template.path("metadata").path("labels").deepCopy());
        metadata.putArray("ownerReferences").add(controllerReference(owner));
        ObjectNode spec = template.path("spec").deepCopy();
        spec.put("nodeName", nodeName);
        pod.set("spec", spec);
        return pod;
    }

    /** The ownerReference a controller puts on what it creates. */
    static ObjectNode controllerReference(ObjectNode owner) {
        ObjectNode reference = Json.object();
        reference.put("apiVersion", Json.text(owner, "apiVersion")).put("kind", Json.text(owner, "kind"))
                .put("name", Json.text(owner, "metadata.name")).put("uid", Json.text(owner, "metadata.uid"))
                .put("controller", true).put("blockOwnerDeletion", true);
        return reference;
    }

    /** The uid of the object controlling {@code object}, or null. */
    static String controllerUid(JsonNode object) {
        for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean()) {
                return owner.path("uid").asText();
            }
        }
        return null;
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

    static String randomSuffix() {
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
