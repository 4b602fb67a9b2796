package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Aggregated discovery (apidiscovery.k8s.io/v2): {@code /api} and {@code /apis} answer with every
 * group, version and resource at once when the client asks for it in {@code Accept}, as kubectl
 * and helm (client-go) do, so a CRD's kinds appear in one request. The same facts as the legacy
 * lists of {@link Discovery}, in the aggregated shape.
 */
final class AggregatedDiscovery {
    static final String CONTENT_TYPE = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    private final ResourceCatalog catalog;

    AggregatedDiscovery(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    /** Whether an Accept header asks for the v2 aggregated list (the client lists it before plain JSON). */
    static boolean wanted(String accept) {
        if (accept == null) {
            return false;
        }
        for (String mediaType : accept.split(",")) {
            List<String> parameters = List.of(mediaType.replace(" ", "").split(";"));
            if (parameters.contains("g=apidiscovery.k8s.io") && parameters.contains("v=v2")
                    && parameters.contains("as=APIGroupDiscoveryList")) {
                return true;
            }
        }
        return false;
    }

    /** The core group ({@code /api}) or every named group ({@code /apis}). */
    ObjectNode list(boolean core) {
        ObjectNode list = Json.object();
        list.put("kind", "APIGroupDiscoveryList").put("apiVersion", "apidiscovery.k8s.io/v2").putObject("metadata");
        ArrayNode items = list.putArray("items");
        for (Map.Entry<String, List<ResourceType>> group : catalog.byGroup().entrySet()) {
            if (group.getKey().isEmpty() != core) {
                continue;
            }
            ObjectNode item = items.addObject();
            ObjectNode metadata = item.putObject("metadata");
            if (!core) {
                metadata.put("name", group.getKey());
            }
            ArrayNode versions = item.putArray("versions");
            for (String version : Discovery.versions(group.getValue())) {
                ObjectNode entry = versions.addObject().put("version", version);
                ArrayNode resources = entry.putArray("resources");
                group.getValue().stream().filter(t -> t.version().equals(version)).forEach(t -> resources.add(resource(t)));
                entry.put("freshness", "Current");
            }
        }
        return list;
    }

    private static ObjectNode resource(ResourceType type) {
        ObjectNode resource = Json.object();
        resource.put("resource", type.plural()).set("responseKind", kind(type));
        resource.put("scope", type.namespaced() ? "Namespaced" : "Cluster").put("singularResource", type.singular());
        Discovery.verbs(type).forEach(resource.putArray("verbs")::add);
        if (!type.shortNames().isEmpty()) {
            type.shortNames().forEach(resource.putArray("shortNames")::add);
        }
        if (type.inCategoryAll()) {
            resource.putArray("categories").add("all");
        }
        List<Discovery.Subresource> subresources = Discovery.subresources(type);
        if (!subresources.isEmpty()) {
            ArrayNode entries = resource.putArray("subresources");
            for (Discovery.Subresource sub : subresources) {
                entries.addObject().put("subresource", sub.name()).<ObjectNode>set("responseKind", kind(sub.kind()))
                        .set("verbs", Json.array().add("get").add("patch").add("update"));
            }
        }
        return resource;
    }

    private static ObjectNode kind(ResourceType type) {
        return Json.object().put("group", type.group()).put("version", type.version()).put("kind", type.kind());
    }
}
