package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * A CRD version's {@code openAPIV3Schema}, applied to custom resources in the order a real API
 * server applies it: nulls of non-nullable fields dropped, defaults filled in, unknown fields pruned
 * (kept under {@code x-kubernetes-preserve-unknown-fields} or {@code additionalProperties}), then
 * types, required fields and enums checked. Error wording follows apiextensions-apiserver's
 * conversion of kube-openapi results to field errors. Formats, patterns, bounds and CEL rules
 * are not checked.
 */
final class StructuralSchema {
    /** The fields every object has whatever its schema says; metadata is ObjectMeta, not schema-checked. */
    private static final Set<String> ENVELOPE = Set.of("apiVersion", "kind", "metadata");

    private final JsonNode root;

    StructuralSchema(JsonNode root) {
        this.root = root;
    }

    JsonNode json() {
        return root;
    }

    /** Drops nulls the schema does not allow and fills in defaults, in place. */
    void normalize(ObjectNode object) {
        normalize(root, object, true);
    }

    /** The fields pruning removes, by path ({@code spec.foo}), in document order. */
    List<String> unknownFields(ObjectNode object) {
        List<String> unknown = new ArrayList<>();
        prune(root, object.deepCopy(), "", true, unknown);
        return unknown;
    }

    /** Removes the fields the schema does not declare, in place. */
    void prune(ObjectNode object) {
        prune(root, object, "", true, new ArrayList<>());
    }

    List<FieldError> validate(ObjectNode object) {
        List<FieldError> errors = new ArrayList<>();
        validate(root, object, "", true, errors);
        return errors;
    }

    private static void normalize(JsonNode schema, JsonNode node, boolean atRoot) {
        if (node instanceof ObjectNode object) {
            JsonNode properties = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode fieldSchema = fieldSchema(schema, field.getKey());
                if (field.getValue().isNull() && fieldSchema != null && !fieldSchema.path("nullable").asBoolean()
                        && !(atRoot && ENVELOPE.contains(field.getKey()))) {
                    it.remove();
                }
            }
            properties.fields().forEachRemaining(property -> {
                if (!object.has(property.getKey()) && property.getValue().has("default")) {
                    object.set(property.getKey(), property.getValue().get("default").deepCopy());
                }
            });
            object.fields().forEachRemaining(field -> {
                JsonNode fieldSchema = fieldSchema(schema, field.getKey());
                if (fieldSchema != null && !(atRoot && field.getKey().equals("metadata"))) {
                    normalize(fieldSchema, field.getValue(), false);
                }
            });
        } else if (node instanceof ArrayNode array && schema.has("items")) {
            array.forEach(item -> normalize(schema.get("items"), item, false));
        }
    }

    private static void prune(JsonNode schema, JsonNode node, String path, boolean atRoot, List<String> unknown) {
        if (node instanceof ObjectNode object) {
            boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()
                    || schema.path("additionalProperties").asBoolean(false);
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String fieldPath = child(path, field.getKey());
                JsonNode fieldSchema = fieldSchema(schema, field.getKey());
                if (atRoot && ENVELOPE.contains(field.getKey())) {
                    continue;
                }
                if (fieldSchema != null) {
                    prune(fieldSchema, field.getValue(), fieldPath, false, unknown);
                } else if (!preserve) {
                    unknown.add(fieldPath);
                    it.remove();
                }
            }
        } else if (node instanceof ArrayNode array && schema.has("items")) {
            for (int i = 0; i < array.size(); i++) {
                prune(schema.get("items"), array.get(i), path + "[" + i + "]", false, unknown);
            }
        }
    }

    private static void validate(JsonNode schema, JsonNode node, String path, boolean atRoot, List<FieldError> errors) {
        String expected = expectedType(schema);
        String actual = typeOf(node);
        if (expected != null && !accepts(expected, actual) && !(node.isNull() && schema.path("nullable").asBoolean())) {
            errors.add(new FieldError("FieldValueTypeInvalid", path, "Invalid value: " + FieldError.quote(actual) + ": "
                    + path + " in body must be of type " + expected + ": " + FieldError.quote(actual)));
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), node)) {
            String supported = StreamSupport.stream(schema.get("enum").spliterator(), false)
                    .map(value -> FieldError.quote(value.isTextual() ? value.asText() : Json.write(value)))
                    .collect(Collectors.joining(", "));
            errors.add(new FieldError("FieldValueNotSupported", path,
                    "Unsupported value: " + badValue(node) + ": supported values: " + supported));
        }
        if (node instanceof ObjectNode object) {
            for (JsonNode required : schema.path("required")) {
                if (!object.has(required.asText())) {
                    errors.add(FieldError.required(child(path, required.asText()), ""));
                }
            }
            object.fields().forEachRemaining(field -> {
                JsonNode fieldSchema = fieldSchema(schema, field.getKey());
                if (fieldSchema != null && !(atRoot && field.getKey().equals("metadata"))) {
                    validate(fieldSchema, field.getValue(), child(path, field.getKey()), false, errors);
                }
            });
        } else if (node instanceof ArrayNode array && schema.has("items")) {
            for (int i = 0; i < array.size(); i++) {
                validate(schema.get("items"), array.get(i), path + "[" + i + "]", false, errors);
            }
        }
    }

    /** The schema of an object's field: its declared property, else additionalProperties' schema, else null. */
    private static JsonNode fieldSchema(JsonNode schema, String field) {
        JsonNode property = schema.path("properties").get(field);
        if (property != null) {
            return property;
        }
        JsonNode additional = schema.get("additionalProperties");
        return additional instanceof ObjectNode ? additional : null;
    }

    private static String expectedType(JsonNode schema) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
            return "integer,string";
        }
        return schema.hasNonNull("type") ? schema.get("type").asText() : null;
    }

    private static boolean accepts(String expected, String actual) {
        return switch (expected) {
            case "number" -> actual.equals("number") || actual.equals("integer");
            case "integer,string" -> actual.equals("integer") || actual.equals("string");
            default -> expected.equals(actual);
        };
    }

    /** The JSON type name kube-openapi reports; integral numbers count as integers, as Go decodes them. */
    private static String typeOf(JsonNode node) {
        if (node.isNull()) {
            return "null";
        } else if (node.isBoolean()) {
            return "boolean";
        } else if (node.isNumber()) {
            return node.isIntegralNumber() || node.asDouble() == Math.rint(node.asDouble()) ? "integer" : "number";
        } else if (node.isTextual()) {
            return "string";
        } else if (node.isArray()) {
            return "array";
        }
        return "object";
    }

    private static boolean contains(JsonNode values, JsonNode node) {
        for (JsonNode value : values) {
            if (value.equals(node) || value.isNumber() && node.isNumber() && value.asDouble() == node.asDouble()) {
                return true;
            }
        }
        return false;
    }

    private static String badValue(JsonNode node) {
        return node.isTextual() ? FieldError.quote(node.asText()) : Json.write(node);
    }

    private static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
