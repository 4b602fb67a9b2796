package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** The create, read, update, patch and delete semantics of resource URLs, over the store. */
final class ResourceApi {
    private static final int PATCH_ATTEMPTS = 5;
    private final ObjectStore store;
    private final CustomResourceDefinitions definitions;
    private final Admission admission = new Admission();
    private final NamespaceLifecycle namespaces;

    ResourceApi(ObjectStore store, CustomResourceDefinitions definitions) {
        this.store = store;
        this.definitions = definitions;
        this.namespaces = new NamespaceLifecycle(store);
    }

    ObjectNode list(RequestPath path, Map<String, String> query) {
        Predicate<JsonNode> selected = Selectors.of(query.get("labelSelector"), query.get("fieldSelector"));
        ObjectNode list = Json.object();
        list.put("kind", path.type().listKind()).put("apiVersion", path.type().apiVersion());
        ObjectStore.Snapshot snapshot = store.snapshot(path.type(), path.namespace());
        list.putObject("metadata").put("resourceVersion", Long.toString(snapshot.revision()));
        ArrayNode items = list.putArray("items");
        snapshot.objects().stream().filter(selected).map(o -> asServed(path, o)).forEach(items::add);
        return list;
    }

    ObjectNode get(RequestPath path) {
        ObjectNode found = store.get(path.type(), path.namespace(), path.name());
        if (found == null) {
            throw ApiException.notFound(path.type(), path.name());
        }
        return asServed(path, found);
    }

    /**
     * A custom resource read at the version asked for: the store keeps one copy whatever version
     * wrote it, and versions of a CRD without a conversion webhook differ only in apiVersion.
     */
    private ObjectNode asServed(RequestPath path, ObjectNode object) {
        if (definitions.schemaOf(path.type()).isPresent()) {
            object.put("apiVersion", path.type().apiVersion());
        }
        return object;
    }

    ApiResponse create(RequestPath path, JsonNode body, Map<String, String> query) {
        boolean dryRun = query.containsKey("dryRun");
        ObjectNode object = requireObject(body);
        ObjectNode metadata = Json.child(object, "metadata");
        if (path.namespace() != null) {
            metadata.put("namespace", path.namespace());
        }
        namespaces.admitCreate(path, metadata.path("name").asText(metadata.path("generateName").asText("Unknown")));
        if (!metadata.hasNonNull("name") && metadata.hasNonNull("generateName")) {
            metadata.put("name", metadata.get("generateName").asText() + UUID.randomUUID().toString().substring(0, 5));
        }
        if (!metadata.hasNonNull("name")) {
            throw new ApiException(422, "Invalid", path.type().kind() + " is invalid: metadata.name: Required value:"
                    + " name or generateName is required");
        }
        admit(path, object, null, query);
        return new ApiResponse(201, stored(path, store.create(path.type(), object, dryRun), dryRun));
    }

    ObjectNode replace(RequestPath path, JsonNode body, Map<String, String> query) {
        boolean dryRun = query.containsKey("dryRun");
        ObjectNode object = requireObject(body);
        ObjectNode live = get(path);
        withIdentity(path, object);
        admit(path, object, live, query);
        return stored(path, store.replace(path.type(), object, dryRun), dryRun);
    }

    /** The built-in defaults, then a CRD's own checks or a custom resource's schema. */
    private void admit(RequestPath path, ObjectNode object, ObjectNode live, Map<String, String> query) {
        admission.admit(path.type(), object, live, "status".equals(path.subresource()));
        if (path.type().equals(ResourceCatalog.CUSTOM_RESOURCE_DEFINITION)) {
            definitions.admit(object, live);
        }
        definitions.schemaOf(path.type()).ifPresent(schema -> applySchema(path, schema, object, query));
    }

    /**
     * As a real server decodes a custom resource: unknown fields refused under
     * {@code fieldValidation=Strict} (kubectl's default) and otherwise pruned, then defaults and
     * validation. A real server also warns of pruned fields under Warn; this one prunes silently.
     */
    private static void applySchema(RequestPath path, StructuralSchema schema, ObjectNode object,
            Map<String, String> query) {
        schema.normalize(object);
        List<String> unknown = schema.unknownFields(object);
        if (!unknown.isEmpty() && "Strict".equals(query.get("fieldValidation"))) {
            String kind = path.type().kind();
            throw ApiException.badRequest(kind + " in version \"" + path.type().version() + "\" cannot be handled as a "
                    + kind + ": strict decoding error: " + String.join(", ",
                            unknown.stream().map(field -> "unknown field \"" + field + "\"").toList()));
        }
        schema.prune(object);
        List<FieldError> errors = schema.validate(object);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(path.type(), Json.text(object, "metadata.name"), errors);
        }
    }

    /** A stored CRD starts serving its kinds; other objects, and dry runs, pass through. */
    private ObjectNode stored(RequestPath path, ObjectNode object, boolean dryRun) {
        if (!dryRun && path.type().equals(ResourceCatalog.CUSTOM_RESOURCE_DEFINITION)) {
            definitions.serve(object);
        }
        return object;
    }

    /**
     * Applies a patch to the live object. As in a real API server, a patch that names no
     * resourceVersion is retried when the object changed meanwhile (the controller writes status
     * all the time), so clients never see a Conflict they did not ask for.
     */
    ApiResponse patch(RequestPath path, String contentType, JsonNode patch, Map<String, String> query) {
        boolean preconditioned = patch.path("metadata").hasNonNull("resourceVersion");
        for (int attempt = 1; ; attempt++) {
            try {
                return patchOnce(path, contentType, patch, query);
            } catch (ApiException e) {
                if (preconditioned || e.code() != 409 || attempt == PATCH_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private ApiResponse patchOnce(RequestPath path, String contentType, JsonNode patch, Map<String, String> query) {
        boolean dryRun = query.containsKey("dryRun");
        ObjectNode live = store.get(path.type(), path.namespace(), path.name());
        boolean apply = contentType.startsWith("application/apply-patch");
        if (live == null && apply) {
            ObjectNode created = requireObject(patch.deepCopy());
            withIdentity(path, created);
            ApiResponse response = create(path, created, query);
            rememberApplied(path, query, patch, dryRun);
            return response;
        }
        if (live == null) {
            throw ApiException.notFound(path.type(), path.name());
        }
        ObjectNode patched = requireObject(patched(path, contentType, live, patch, query));
        withIdentity(path, patched);
        admit(path, patched, live, query);
        ApiResponse response = ApiResponse.ok(stored(path, store.replace(path.type(), patched, dryRun), dryRun));
        if (apply) {
            rememberApplied(path, query, patch, dryRun);
        }
        return response;
    }

    private JsonNode patched(RequestPath path, String contentType, ObjectNode live, JsonNode patch,
            Map<String, String> query) {
        if (contentType.startsWith("application/apply-patch")) {
            JsonNode previous = store.lastApplied(path.type(), path.namespace(), path.name(), manager(query));
            return ServerSideApply.apply(live, requireObject(patch), previous);
        }
        return applyPatch(contentType, live, patch);
    }

    /** A JSON, merge or strategic merge patch applied to a copy of {@code live}, by content type. */
    static JsonNode applyPatch(String contentType, ObjectNode live, JsonNode patch) {
        if (contentType.startsWith("application/json-patch+json")) {
            return JsonPatch.apply(live, patch);
        }
        if (contentType.startsWith("application/merge-patch+json")) {
            return MergePatch.apply(live, patch);
        }
        if (contentType.startsWith("application/strategic-merge-patch+json")) {
            return StrategicMerge.apply(live, patch);
        }
        throw new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format: "
                + contentType);
    }

    ObjectNode delete(RequestPath path, Preconditions preconditions, boolean dryRun) {
        if (path.type().equals(ResourceCatalog.NAMESPACE)) {
            return namespaces.delete(path.name(), preconditions, dryRun);
        }
        ObjectNode live = get(path);
        if (dryRun) {
            preconditions.check(path.type(), live);
            return live;
        }
        ObjectNode deleted = store.delete(path.type(), path.namespace(), path.name(), preconditions);
        if (path.type().equals(ResourceCatalog.CUSTOM_RESOURCE_DEFINITION)) {
            definitions.remove(deleted, store);
        }
        return deleted;
    }

    private void rememberApplied(RequestPath path, Map<String, String> query, JsonNode applied, boolean dryRun) {
        if (!dryRun) {
            store.rememberApplied(path.type(), path.namespace(), path.name(), manager(query), applied);
        }
    }

    private static String manager(Map<String, String> query) {
        return query.getOrDefault("fieldManager", "unknown");
    }

    private static void withIdentity(RequestPath path, ObjectNode object) {
        ObjectNode metadata = Json.child(object, "metadata");
        metadata.put("name", path.name());
        if (path.namespace() != null) {
            metadata.put("namespace", path.namespace());
        }
    }

    private static ObjectNode requireObject(JsonNode body) {
        if (!(body instanceof ObjectNode)) {
            throw ApiException.badRequest("the request body must be a JSON object");
        }
        return (ObjectNode) body;
    }
}
