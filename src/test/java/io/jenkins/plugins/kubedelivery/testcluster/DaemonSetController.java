package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A DaemonSet controller over the stand-in Node objects: one Pod per node that matches the
 * template's nodeSelector, replaced when the template changes (all at once, not
 * {@code maxUnavailable} at a time), and the status {@code kubectl rollout status}, helm 3's
 * {@code --wait} and kstatus read: desiredNumberScheduled, currentNumberScheduled, numberReady,
 * numberAvailable, updatedNumberScheduled, numberUnavailable.
 */
final class DaemonSetController implements ControllerLoop.Controller {
    private final ObjectStore store;
    private final Rollouts rollouts;
    private final Pods pods;
    private final PodClock clock;
    private final ControllerRevisions revisions;

    DaemonSetController(ObjectStore store, Rollouts rollouts) {
        this.store = store;
        this.rollouts = rollouts;
        this.pods = new Pods(store);
        this.clock = new PodClock(rollouts);
        this.revisions = new ControllerRevisions(store);
    }

    @Override
    public void reconcile() {
        List<ObjectNode> nodes = store.list(ResourceCatalog.NODE, null);
        for (ObjectNode set : store.list(ResourceCatalog.DAEMON_SET, null)) {
            reconcile(set, nodes);
        }
    }

    private void reconcile(ObjectNode set, List<ObjectNode> nodes) {
        String namespace = Json.text(set, "metadata.namespace");
        String uid = Json.text(set, "metadata.uid");
        JsonNode template = set.path("spec").path("template");
        String hash = ControllerRevisions.hash(revisions.current(set));
        boolean failing = rollouts.failing(template.path("spec"));
        List<String> eligible = new ArrayList<>();
        for (ObjectNode node : nodes) {
            if (selects(template.path("spec").path("nodeSelector"), node.path("metadata").path("labels"))) {
                eligible.add(Json.text(node, "metadata.name"));
            }
        }
        Map<String, ObjectNode> byNode = new HashMap<>();
        for (ObjectNode pod : store.list(ResourceCatalog.POD, namespace)) {
            if (!uid.equals(Pods.controllerUid(pod))) {
                continue;
            }
            String node = Json.text(pod, "spec.nodeName");
            boolean outdated = !hash.equals(pod.path("metadata").path("labels").path(StatefulSetController.REVISION_LABEL)
                    .asText());
            if (!eligible.contains(node) || outdated || byNode.containsKey(node)) {
                store.delete(ResourceCatalog.POD, namespace, Json.text(pod, "metadata.name"));
                clock.forget(Json.text(pod, "metadata.uid"));
            } else {
                byNode.put(node, pod);
            }
        }
        int ready = 0;
        for (String node : eligible) {
            ObjectNode pod = byNode.computeIfAbsent(node, n -> store.create(ResourceCatalog.POD, newPod(set, n, hash)));
            boolean podReady = clock.ready(Json.text(pod, "metadata.uid"), failing);
            pods.writeStatus(pod, podReady, failing);
            ready += podReady ? 1 : 0;
        }
        writeStatus(set, eligible.size(), byNode.size(), ready);
    }

    private void writeStatus(ObjectNode set, int desired, int scheduled, int ready) {
        ObjectNode status = Json.object();
        status.put("currentNumberScheduled", scheduled).put("desiredNumberScheduled", desired)
                .put("numberMisscheduled", 0).put("numberReady", ready).put("numberAvailable", ready)
                .put("observedGeneration", set.path("metadata").path("generation").asLong())
                .put("updatedNumberScheduled", scheduled);
        if (desired > ready) {
            status.put("numberUnavailable", desired - ready);
        }
        if (!status.equals(set.get("status"))) {
            set.set("status", status);
            store.replace(ResourceCatalog.DAEMON_SET, set);
        }
    }

    private static ObjectNode newPod(ObjectNode set, String node, String hash) {
        ObjectNode pod = Pods.newPod(Json.text(set, "metadata.name") + "-" + Pods.randomSuffix(), set,
                set.path("spec").path("template"), node);
        Json.child(Json.child(pod, "metadata"), "labels").put(StatefulSetController.REVISION_LABEL, hash)
                .put("pod-template-generation", set.path("metadata").path("generation").asText());
        return pod;
    }

    private static boolean selects(JsonNode nodeSelector, JsonNode labels) {
        for (Map.Entry<String, JsonNode> wanted : nodeSelector.properties()) {
            if (!wanted.getValue().asText().equals(labels.path(wanted.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
