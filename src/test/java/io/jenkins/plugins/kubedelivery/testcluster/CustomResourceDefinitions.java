package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What CustomResourceDefinitions (apiextensions.k8s.io/v1) do to a cluster: a CRD is checked and
 * given the status clients wait for (NamesAccepted, Established) when written, its served versions
 * join the catalogue with their schemas once stored, and deleting it removes its kinds and every
 * custom resource of them. A real server establishes a CRD a moment later; here it is at once.
 */
final class CustomResourceDefinitions {
    private static final Set<String> SCOPES = Set.of("Namespaced", "Cluster");

    private final ResourceCatalog catalog;
    private final Map<ResourceType, StructuralSchema> schemas = new ConcurrentHashMap<>();

    CustomResourceDefinitions(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    /** The schema of a served custom resource version, if the type is one. */
    Optional<StructuralSchema> schemaOf(ResourceType type) {
        return Optional.ofNullable(schemas.get(type));
    }

    /**
     * Checks a CRD about to be stored and sets its status; {@code live} is the stored CRD on update.
     * Refuses what a real server refuses for the fields the simulation reads.
     */
    void admit(ObjectNode crd, ObjectNode live) {
        String name = Json.text(crd, "metadata.name");
        ObjectNode spec = Json.child(crd, "spec");
        List<FieldError> errors = new ArrayList<>();
        String group = spec.path("group").asText("");
        ObjectNode names = Json.child(spec, "names");
        String plural = names.path("plural").asText("");
        String kind = names.path("kind").asText("");
        if (group.isEmpty()) {
            errors.add(required("spec.group"));
        }
        if (plural.isEmpty()) {
            errors.add(required("spec.names.plural"));
        }
        if (kind.isEmpty()) {
            errors.add(required("spec.names.kind"));
        }
        if (!(plural + "." + group).equals(name)) {
            errors.add(FieldError.invalid("metadata.name", FieldError.quote(name), "must be spec.names.plural+\".\"+spec.group"));
        }
        if (!SCOPES.contains(spec.path("scope").asText())) {
            errors.add(FieldError.notSupported("spec.scope", spec.path("scope").asText(), List.of("Cluster", "Namespaced")));
        }
        JsonNode versions = spec.path("versions");
        int storage = 0;
        for (int i = 0; i < versions.size(); i++) {
            JsonNode version = versions.get(i);
            storage += version.path("storage").asBoolean() ? 1 : 0;
            if (!version.path("schema").path("openAPIV3Schema").isObject()) {
                errors.add(FieldError.required("spec.versions[" + i + "].schema.openAPIV3Schema", "schemas are required"));
            }
        }
        if (versions.isEmpty()) {
            errors.add(FieldError.required("spec.versions", "must have exactly one version marked as storage version"));
        } else if (storage != 1) {
            errors.add(FieldError.invalid("spec.versions", storage + " storage versions",
                    "must have exactly one version marked as storage version"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(ResourceCatalog.CUSTOM_RESOURCE_DEFINITION, name, errors);
        }
        names.put("singular", names.path("singular").asText(kind.toLowerCase(Locale.ROOT)));
        names.put("listKind", names.path("listKind").asText(kind + "List"));
        setStatus(crd, live);
    }

    /** Serves the versions of a stored CRD, with their schemas, replacing what it served before. */
    void serve(ObjectNode crd) {
        String name = Json.text(crd, "metadata.name");
        List<ResourceType> served = servedVersions(crd);
        catalog.served(name).forEach(schemas::remove);
        for (JsonNode version : crd.path("spec").path("versions")) {
            served.stream().filter(t -> t.version().equals(version.path("name").asText())).findFirst()
                    .ifPresent(t -> schemas.put(t, new StructuralSchema(version.path("schema").path("openAPIV3Schema"))));
        }
        catalog.define(name, served);
    }

    /** Stops serving a deleted CRD's kinds and deletes every object of them. */
    void remove(ObjectNode crd, ObjectStore store) {
        String name = Json.text(crd, "metadata.name");
        List<ResourceType> served = catalog.served(name);
        catalog.define(name, List.of());
        served.forEach(schemas::remove);
        if (!served.isEmpty()) {
            ResourceType any = served.get(0);
            for (ObjectNode object : store.list(any, null)) {
                store.delete(any, Json.text(object, "metadata.namespace"), Json.text(object, "metadata.name"));
            }
        }
    }

    private static List<ResourceType> servedVersions(ObjectNode crd) {
        JsonNode spec = crd.path("spec");
        JsonNode names = spec.path("names");
        List<String> shortNames = new ArrayList<>();
        names.path("shortNames").forEach(n -> shortNames.add(n.asText()));
        boolean inAll = false;
        for (JsonNode category : names.path("categories")) {
            inAll |= category.asText().equals("all");
        }
        List<ResourceType> types = new ArrayList<>();
        for (JsonNode version : spec.path("versions")) {
            if (version.path("served").asBoolean()) {
                types.add(new ResourceType(spec.path("group").asText(), version.path("name").asText(),
                        names.path("kind").asText(), names.path("plural").asText(),
                        spec.path("scope").asText().equals("Namespaced"), List.copyOf(shortNames), inAll,
                        version.path("subresources").has("status")));
            }
        }
        return types;
    }

    /** The status a real server settles on for a CRD whose names do not conflict. */
    private static void setStatus(ObjectNode crd, ObjectNode live) {
        ObjectNode status = Json.object();
        status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
        JsonNode liveConditions = live == null ? null : live.path("status").get("conditions");
        if (liveConditions != null) {
            status.set("conditions", liveConditions.deepCopy());
        } else {
            String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            ArrayNode conditions = status.putArray("conditions");
            conditions.addObject().put("type", "NamesAccepted").put("status", "True").put("lastTransitionTime", now)
                    .put("reason", "NoConflicts").put("message", "no conflicts found");
            conditions.addObject().put("type", "Established").put("status", "True").put("lastTransitionTime", now)
                    .put("reason", "InitialNamesAccepted").put("message", "the initial names have been accepted");
        }
        Set<String> stored = new LinkedHashSet<>();
        if (live != null) {
            live.path("status").path("storedVersions").forEach(v -> stored.add(v.asText()));
        }
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.path("storage").asBoolean()) {
                stored.add(version.path("name").asText());
            }
        }
        ArrayNode storedVersions = status.putArray("storedVersions");
        stored.forEach(storedVersions::add);
        crd.set("status", status);
    }

    private static FieldError required(String field) {
        return FieldError.required(field, "");
    }
}
