package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Legacy discovery ({@code /version}, {@code /api}, {@code /apis}, per group/version resource
 * lists) and the minimal OpenAPI v3 documents that make kubectl and helm leave field validation to
 * the server, over one cluster's catalogue, so installed CRDs show at once. Clients that ask for
 * aggregated discovery get {@link AggregatedDiscovery} instead of these lists.
 */
final class Discovery {
    static final String SERVER_MINOR = "33";
    private static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    private static final List<String> READ_VERBS = List.of("get", "list", "watch");
    private static final Pattern KUBE_VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");
    /** What the {@code scale} subresource answers with, whatever group its owner is in. */
    private static final ResourceType SCALE =
            new ResourceType("autoscaling", "v1", "Scale", "scale", true, List.of(), false, false);

    private final ResourceCatalog catalog;
    private final CustomResourceDefinitions definitions;

    Discovery(ResourceCatalog catalog, CustomResourceDefinitions definitions) {
        this.catalog = catalog;
        this.definitions = definitions;
    }

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

    /** Every served group with its versions, the preferred (highest Kubernetes priority) first. */
    ObjectNode groups() {
        ObjectNode list = Json.object();
        list.put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        for (Map.Entry<String, List<ResourceType>> group : catalog.byGroup().entrySet()) {
            if (group.getKey().isEmpty()) {
                continue;
            }
            List<String> versions = versions(group.getValue());
            ObjectNode entry = groups.addObject().put("name", group.getKey());
            ArrayNode entries = entry.putArray("versions");
            versions.forEach(v -> entries.addObject().put("groupVersion", group.getKey() + "/" + v).put("version", v));
            entry.set("preferredVersion", entries.get(0).deepCopy());
        }
        return list;
    }

    /** A subresource of a kind and the kind its requests and responses have. */
    record Subresource(String name, ResourceType kind) {}

    static List<String> verbs(ResourceType type) {
        return ResourceCatalog.readOnly(type) ? READ_VERBS : VERBS;
    }

    /** {@code scale} for scalable kinds, {@code status} for kinds with a status subresource; both take get, patch, update. */
    static List<Subresource> subresources(ResourceType type) {
        List<Subresource> subresources = new ArrayList<>();
        if (Scales.scalable(type)) {
            subresources.add(new Subresource("scale", SCALE));
        }
        if (type.hasStatus()) {
            subresources.add(new Subresource("status", type));
        }
        return subresources;
    }

    /** The versions of a group, the preferred (highest Kubernetes priority) first. */
    static List<String> versions(List<ResourceType> groupTypes) {
        return groupTypes.stream().map(ResourceType::version).distinct().sorted(Discovery::byPriority).toList();
    }

    /** Kubernetes version priority: GA before beta before alpha, higher numbers first (v2, v1, v1beta2, v1beta1). */
    static int byPriority(String a, String b) {
        return Comparator.comparing(Discovery::priorityKey).thenComparing(Comparator.naturalOrder()).compare(a, b);
    }

    private static String priorityKey(String version) {
        Matcher m = KUBE_VERSION.matcher(version);
        if (!m.matches()) {
            return "9";
        }
        int stability = m.group(2) == null ? 0 : m.group(2).equals("beta") ? 1 : 2;
        int minor = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return String.format("%d%06d%06d", stability, 999_999 - Integer.parseInt(m.group(1)), 999_999 - minor);
    }

    /** The APIResourceList of a group/version ("" group for the core), if served. */
    Optional<ObjectNode> resources(String group, String version) {
        List<ResourceType> types = catalog.all().stream()
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
            verbs(type).forEach(resource.putArray("verbs")::add);
            if (!type.shortNames().isEmpty()) {
                type.shortNames().forEach(resource.putArray("shortNames")::add);
            }
            if (type.inCategoryAll()) {
                resource.putArray("categories").add("all");
            }
            for (Subresource sub : subresources(type)) {
                ObjectNode entry = resources.addObject().put("name", type.plural() + "/" + sub.name())
                        .put("singularName", "").put("namespaced", type.namespaced());
                if (!sub.kind().equals(type)) {
                    entry.put("group", sub.kind().group()).put("version", sub.kind().version());
                }
                entry.put("kind", sub.kind().kind()).set("verbs", Json.array().add("get").add("patch").add("update"));
            }
        }
        return Optional.of(list);
    }

    /**
     * The OpenAPI v3 index: one document per served group/version, its URL carrying a hash of its
     * content as a real server's does. Clients cache documents by URL for good, so a changed CRD
     * schema must change the URL.
     */
    ObjectNode openApiIndex() {
        ObjectNode index = Json.object();
        ObjectNode paths = index.putObject("paths");
        for (ResourceType type : catalog.all()) {
            String path = type.groupVersionPath();
            if (!paths.has(path)) {
                paths.putObject(path).put("serverRelativeURL", "/openapi/v3/" + path + "?hash="
                        + hash(openApiDocument(path).orElseThrow()));
            }
        }
        return index;
    }

    private static String hash(JsonNode document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.write(document).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One group/version's OpenAPI v3 document: for each kind a PATCH operation tagged with its
     * group/version/kind that declares the {@code fieldValidation} parameter. That tells clients
     * the server validates fields. No request body schema is declared, so clients use their
     * compiled-in types for patch computation (and, for custom resources, JSON merge patches, as
     * with a real CRD). A custom resource's schema is in {@code components}, tagged with its kind.
     */
    Optional<ObjectNode> openApiDocument(String groupVersionPath) {
        List<ResourceType> types = catalog.all().stream()
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
        ObjectNode schemas = document.putObject("components").putObject("schemas");
        for (ResourceType type : types) {
            definitions.schemaOf(type).ifPresent(schema -> {
                ObjectNode component = ((ObjectNode) schema.json()).deepCopy();
                component.putArray("x-kubernetes-group-version-kind").addObject()
                        .put("group", type.group()).put("version", type.version()).put("kind", type.kind());
                schemas.set(componentName(type), component);
            });
        }
        return Optional.of(document);
    }

    /** How a real server names a CRD's schema: the group reversed, then version and kind ({@code io.istio.networking.v1.VirtualService}). */
    private static String componentName(ResourceType type) {
        List<String> parts = new ArrayList<>(List.of(type.group().split("\\.")));
        Collections.reverse(parts);
        return String.join(".", parts) + "." + type.version() + "." + type.kind();
    }
}
