package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The ControllerRevisions StatefulSets and DaemonSets keep of their pod templates, as the real
 * controllers do: one per distinct template, named {@code <owner>-<hash>}, labelled
 * {@code controller.kubernetes.io/hash}, numbered upwards (a template used again gets the next
 * number, as on rollback).
 */
final class ControllerRevisions {
    static final String HASH_LABEL = "controller.kubernetes.io/hash";

    private final ObjectStore store;

    ControllerRevisions(ObjectStore store) {
        this.store = store;
    }

    /** The revision of the owner's current template, created or renumbered as needed. */
    ObjectNode current(ObjectNode owner) {
        JsonNode template = owner.path("spec").path("template");
        String hash = ReplicaSets.templateHash(template);
        String namespace = Json.text(owner, "metadata.namespace");
        String uid = Json.text(owner, "metadata.uid");
        List<ObjectNode> owned = store.list(ResourceCatalog.CONTROLLER_REVISION, namespace).stream()
                .filter(revision -> uid.equals(Pods.controllerUid(revision))).toList();
        long newest = owned.stream().mapToLong(r -> r.path("revision").asLong()).max().orElse(0);
        for (ObjectNode revision : owned) {
            if (hash.equals(revision.path("metadata").path("labels").path(HASH_LABEL).asText())) {
                if (revision.path("revision").asLong() < newest) {
                    revision.put("revision", newest + 1);
                    return store.replace(ResourceCatalog.CONTROLLER_REVISION, revision);
                }
                return revision;
            }
        }
        ObjectNode revision = Json.object();
        revision.put("apiVersion", "apps/v1").put("kind", "ControllerRevision");
        ObjectNode metadata = revision.putObject("metadata");
        metadata.put("name", Json.text(owner, "metadata.name") + "-" + hash).put("namespace", namespace);
        ObjectNode labels = owner.path("spec").path("selector").path("matchLabels").deepCopy();
        labels.put(HASH_LABEL, hash);
        metadata.set("labels", labels);
        metadata.putArray("ownerReferences").add(Pods.controllerReference(owner));
        ObjectNode data = revision.putObject("data");
        ObjectNode spec = data.putObject("spec");
        ObjectNode patchedTemplate = template.deepCopy();
        patchedTemplate.put("$patch", "replace");
        spec.set("template", patchedTemplate);
        revision.put("revision", newest + 1);
        return store.create(ResourceCatalog.CONTROLLER_REVISION, revision);
    }

    static String hash(JsonNode revision) {
        return revision.path("metadata").path("labels").path(HASH_LABEL).asText();
    }
}
