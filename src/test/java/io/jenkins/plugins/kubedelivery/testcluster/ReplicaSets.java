package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** How a Deployment's ReplicaSets are named, labelled and owned, as the real controller does it. */
final class ReplicaSets {
    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String HASH_LABEL = "pod-template-hash";
    /** The alphabet Kubernetes uses for generated names: no vowels, no look-alike characters. */
    private static final String SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final ObjectMapper CANONICAL =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private ReplicaSets() {}

    /** A stable hash of the pod template: key order does not matter, content does. */
    static String templateHash(JsonNode template) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(template, Object.class));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            StringBuilder hash = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                hash.append(SAFE_ALPHABET.charAt((digest[i] & 0xff) % SAFE_ALPHABET.length()));
            }
            return hash.toString();
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode newFor(ObjectNode deployment, String hash, long revision) {
        ObjectNode metadata = (ObjectNode) deployment.get("metadata");
        ObjectNode template = deployment.path("spec").path("template").deepCopy();
        Json.child(Json.child(template, "metadata"), "labels").put(HASH_LABEL, hash);
        ObjectNode replicaSet = Json.object();
        replicaSet.put("apiVersion", "apps/v1").put("kind", "ReplicaSet");
        ObjectNode rsMetadata = replicaSet.putObject("metadata");
        rsMetadata.put("name", metadata.path("name").asText() + "-" + hash);
        rsMetadata.put("namespace", metadata.path("namespace").asText());
        rsMetadata.set("labels", template.path("metadata").path("labels").deepCopy());
        int replicas = deployment.path("spec").path("replicas").asInt(1);
        rsMetadata.putObject("annotations").put(REVISION, Long.toString(revision))
                .put("deployment.kubernetes.io/desired-replicas", Integer.toString(replicas))
                .put("deployment.kubernetes.io/max-replicas", Integer.toString(replicas + 1));
        rsMetadata.putArray("ownerReferences").addObject()
                .put("apiVersion", "apps/v1").put("kind", "Deployment")
                .put("name", metadata.path("name").asText()).put("uid", metadata.path("uid").asText())
                .put("controller", true).put("blockOwnerDeletion", true);
        ObjectNode spec = replicaSet.putObject("spec");
        spec.put("replicas", replicas);
        ObjectNode selector = deployment.path("spec").path("selector").deepCopy();
        Json.child(selector, "matchLabels").put(HASH_LABEL, hash);
        spec.set("selector", selector);
        spec.set("template", template);
        return replicaSet;
    }

    static boolean ownedBy(JsonNode replicaSet, String deploymentUid) {
        for (JsonNode owner : replicaSet.path("metadata").path("ownerReferences")) {
            if (owner.path("kind").asText().equals("Deployment") && owner.path("uid").asText().equals(deploymentUid)) {
                return true;
            }
        }
        return false;
    }

    static long revision(JsonNode object) {
        return object.path("metadata").path("annotations").path(REVISION).asLong(0);
    }

    static String hash(JsonNode replicaSet) {
        return replicaSet.path("metadata").path("labels").path(HASH_LABEL).asText("");
    }

    static String imageTag(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        String tag = colon > slash ? image.substring(colon + 1) : "latest";
        int digest = tag.indexOf('@');
        return digest < 0 ? tag : tag.substring(0, digest);
    }

}
