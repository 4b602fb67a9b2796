package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Legacy discovery ({@code /version}, {@code /api}, {@code /apis}, per group/version resource
 * lists) and the minimal OpenAPI v3 documents that make kubectl and helm leave field validation to
 * the server. Aggregated discovery is not offered: clients fall back to these plain JSON lists.
 */
final class Discovery {
    static final String SERVER_MINOR = "33";
    private static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    private static final List<String> READ_VERBS = List.of("get", "list", "watch");

    private Discovery() {}

    static ObjectNode version() {
        ObjectNode version = Json.object();
        version.put("major", "1").put("minor", SERVER_MINOR).put("gitVersion", "v1." + SERVER_MINOR + ".0-testcluster");
        version.put("gitCommit", "0000000000000000000000000000000000000000").put("gitTreeState", "clean");
        version.put("buildDate", "2025-01-01T00:00:00Z").put("goVersion", "go1.24.0").put("compiler", "gc");
        version.put("platform", "linux/amd64");
        return version;
    }

    static ObjectNode coreVersions(String serverAddress) {
        ObjectNode versions = Json.object();
        versions.put("kind", "APIVersions");
        versions.putArray("versions").add("v1");
        versions.putArray("serverAddressByClientCIDRs").addObject()
                .put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress);
        return versions;
    }

    static ObjectNode groups() {
        ObjectNode list = Json.object();
        list.put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        for (Map.Entry<String, List<ResourceType>> group : ResourceCatalog.byGroup().entrySet()) {
            if (group.getKey().isEmpty()) {
                continue;
            }
            ResourceType first = group.getValue().get(0);
            ObjectNode entry = groups.addObject().put("name", group.getKey());
            ObjectNode version = Json.object().put("groupVersion", first.apiVersion()).put("version", first.version());
            entry.putArray("versions").add(version);
            entry.set("preferredVersion", version.deepCopy());
        }
        return list;
    }

    /** The APIResourceList of a group/version ("" group for the core), if served. */
    static Optional<ObjectNode> resources(String group, String version) {
        List<ResourceType> types = ResourceCatalog.all().stream()
                .filter(t -> t.group().equals(group) && t.version().equals(version)).toList();
        if (types.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode list = Json.object();
        list.put("kind", "APIResourceList").put("apiVersion", "v1").put("groupVersion", types.get(0).apiVersion());
        ArrayNode resources = list.putArray("resources");
        for (ResourceType type : types) {
            ObjectNode resource = resources.addObject();
            resource.put("name", type.plural()).put("singularName", type.singular())
                    .put("namespaced", type.namespaced()).put("kind", type.kind());
            (ResourceCatalog.readOnly(type) ? READ_VERBS : VERBS).forEach(resource.putArray("verbs")::add);
            if (!type.shortNames().isEmpty()) {
                type.shortNames().forEach(resource.putArray("shortNames")::add);
            }
            if (type.inCategoryAll()) {
                resource.putArray("categories").add("all");
            }
            if (Scales.scalable(type)) {
                resources.addObject().put("name", type.plural() + "/scale").put("singularName", "")
                        .put("namespaced", true).put("group", "autoscaling").put("version", "v1").put("kind", "Scale")
                        .set("verbs", Json.array().add("get").add("patch").add("update"));
            }
            if (type.hasStatus()) {
                resources.addObject().put("name", type.plural() + "/status").put("singularName", "")
                        .put("namespaced", type.namespaced()).put("kind", type.kind())
                        .set("verbs", Json.array().add("get").add("patch").add("update"));
            }
        }
        return Optional.of(list);
    }

    /** The OpenAPI v3 index: one document per served group/version. */
    static ObjectNode openApiIndex() {
        ObjectNode index = Json.object();
        ObjectNode paths = index.putObject("paths");
        for (ResourceType type : ResourceCatalog.all()) {
            paths.putObject(type.groupVersionPath())
                    .put("serverRelativeURL", "/openapi/v3/" + type.groupVersionPath() + "?hash=testcluster");
        }
        return index;
    }

    /**
     * One group/version's OpenAPI v3 document: for each kind a PATCH operation tagged with its
     * group/version/kind that declares the {@code fieldValidation} parameter. That tells clients
     * the server validates fields. No request body schema is declared, so clients use their
     * compiled-in types for patch computation.
     */
    static Optional<ObjectNode> openApiDocument(String groupVersionPath) {
        List<ResourceType> types = ResourceCatalog.all().stream()
                .filter(t -> t.groupVersionPath().equals(groupVersionPath)).toList();
        if (types.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode document = Json.object();
        document.put("openapi", "3.0.0");
        document.putObject("info").put("title", "Kubernetes").put("version", "v1." + SERVER_MINOR + ".0");
        ObjectNode paths = document.putObject("paths");
        for (ResourceType type : types) {
            String prefix = "/" + groupVersionPath + (type.namespaced() ? "/namespaces/{namespace}/" : "/");
            ObjectNode patch = paths.putObject(prefix + type.plural() + "/{name}").putObject("patch");
            patch.putObject("x-kubernetes-group-version-kind")
                    .put("group", type.group()).put("version", type.version()).put("kind", type.kind());
            patch.putArray("parameters").addObject()
                    .put("name", "fieldValidation").put("in", "query").putObject("schema").put("type", "string");
        }
        document.putObject("components").putObject("schemas");
        return Optional.of(document);
    }
}
