package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The {@code /scale} subresource of Deployments, ReplicaSets and StatefulSets ({@code kubectl scale}): an
 * autoscaling/v1 Scale view of {@code spec.replicas}, read and written through the owner.
 */
final class Scales {
    private final ResourceApi resources;

    Scales(ResourceApi resources) {
        this.resources = resources;
    }

    static boolean scalable(ResourceType type) {
        return type.equals(ResourceCatalog.DEPLOYMENT) || type.equals(ResourceCatalog.REPLICA_SET)
                || type.equals(ResourceCatalog.STATEFUL_SET);
    }

    ObjectNode get(RequestPath path) {
        return scaleOf(resources.get(owner(path)));
    }

    /** Sets the owner's replicas from a Scale body (PUT) or a patch of the Scale (PATCH). */
    ObjectNode write(RequestPath path, String method, String contentType, JsonNode body, Map<String, String> query) {
        ObjectNode scale = get(path);
        JsonNode wanted = method.equals("PUT") ? body : ResourceApi.applyPatch(contentType, scale, body);
        JsonNode replicas = wanted.path("spec").path("replicas");
        if (!replicas.isInt()) {
            throw new ApiException(422, "Invalid", "Scale is invalid: spec.replicas: Required value");
        }
        ObjectNode patch = Json.object();
        patch.putObject("spec").put("replicas", replicas.asInt());
        ApiResponse response = resources.patch(owner(path), "application/merge-patch+json", patch, query);
        return scaleOf((ObjectNode) response.body());
    }

    private static RequestPath owner(RequestPath path) {
        return new RequestPath(path.type(), path.namespace(), path.name(), null);
    }

    private static ObjectNode scaleOf(ObjectNode owner) {
        ObjectNode scale = Json.object();
        scale.put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode metadata = scale.putObject("metadata");
        for (String field : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
            metadata.set(field, owner.path("metadata").get(field));
        }
        scale.putObject("spec").put("replicas", owner.path("spec").path("replicas").asInt());
        ObjectNode status = scale.putObject("status");
        status.put("replicas", owner.path("status").path("replicas").asInt());
        JsonNode matchLabels = owner.path("spec").path("selector").path("matchLabels");
        StringBuilder selector = new StringBuilder();
        matchLabels.fields().forEachRemaining(label -> selector.append(selector.length() == 0 ? "" : ",")
                .append(label.getKey()).append('=').append(label.getValue().asText()));
        status.put("selector", selector.toString());
        return scale;
    }
}
