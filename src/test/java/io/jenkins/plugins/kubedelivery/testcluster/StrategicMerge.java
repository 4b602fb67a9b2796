package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An approximation of Kubernetes' strategic merge patch. Lists of objects merge by a merge key
 * taken from a fixed table of field names instead of the real OpenAPI patch metadata; other lists
 * are replaced. Supports {@code $patch: replace|delete}, {@code $retainKeys},
 * {@code $deleteFromPrimitiveList/<field>} and null deletes; {@code $setElementOrder} is ignored.
 */
public final class StrategicMerge {
    private static final Map<String, String> MERGE_KEYS = Map.ofEntries(
            Map.entry("containers", "name"), Map.entry("initContainers", "name"),
            Map.entry("ephemeralContainers", "name"), Map.entry("env", "name"), Map.entry("volumes", "name"),
            Map.entry("imagePullSecrets", "name"), Map.entry("volumeMounts", "mountPath"),
            Map.entry("volumeDevices", "devicePath"), Map.entry("conditions", "type"),
            Map.entry("hostAliases", "ip"), Map.entry("topologySpreadConstraints", "topologyKey"),
            Map.entry("ownerReferences", "uid"));
    /** Lists of scalars whose patch strategy is merge: the patch adds to them. */
    private static final Set<String> PRIMITIVE_MERGE_LISTS = Set.of("finalizers");
    private static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";

    private StrategicMerge() {}

    public static JsonNode apply(JsonNode live, JsonNode patch) {
        if (!patch.isObject()) {
            throw ApiException.badRequest("a strategic merge patch must be an object");
        }
        ObjectNode merged = mergeObject(live instanceof ObjectNode ? (ObjectNode) live : Json.object(), (ObjectNode) patch);
        return merged == null ? Json.object() : merged;
    }

    /** The key list elements of this field merge by, or null when the list is replaced whole. */
    static String mergeKeyFor(String field, JsonNode... lists) {
        if ("ports".equals(field)) {
            for (JsonNode list : lists) {
                for (JsonNode element : list == null ? Json.array() : list) {
                    if (element.has("containerPort")) {
                        return "containerPort";
                    }
                }
            }
            return "port";
        }
        return MERGE_KEYS.get(field);
    }

    /** The merged object, or null when the patch says {@code $patch: delete}. */
    private static ObjectNode mergeObject(ObjectNode live, ObjectNode patch) {
        String directive = patch.path("$patch").asText("");
        if (directive.equals("replace")) {
            return (ObjectNode) stripDirectives(patch);
        }
        if (directive.equals("delete")) {
            return null;
        }
        ObjectNode result = live.deepCopy();
        List<Map.Entry<String, JsonNode>> primitiveDeletes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
                primitiveDeletes.add(field);
            } else if (!name.startsWith("$")) {
                mergeField(result, name, field.getValue());
            }
        }
        for (Map.Entry<String, JsonNode> delete : primitiveDeletes) {
            removeValues(result, delete.getKey().substring(DELETE_FROM_PRIMITIVE_LIST.length()), delete.getValue());
        }
        JsonNode retainKeys = patch.get("$retainKeys");
        if (retainKeys != null && retainKeys.isArray()) {
            List<String> keep = new ArrayList<>();
            retainKeys.forEach(k -> keep.add(k.asText()));
            result.retain(keep);
        }
        return result;
    }

    private static void mergeField(ObjectNode result, String name, JsonNode patchValue) {
        JsonNode liveValue = result.get(name);
        if (patchValue.isNull()) {
            result.remove(name);
        } else if (patchValue.isObject()) {
            ObjectNode base = liveValue instanceof ObjectNode ? (ObjectNode) liveValue : Json.object();
            ObjectNode merged = mergeObject(base, (ObjectNode) patchValue);
            if (merged == null) {
                result.remove(name);
            } else {
                result.set(name, merged);
            }
        } else if (patchValue.isArray()) {
            result.set(name, mergeList(name, liveValue, (ArrayNode) patchValue));
        } else {
            result.set(name, patchValue.deepCopy());
        }
    }

    private static JsonNode mergeList(String field, JsonNode live, ArrayNode patch) {
        ArrayNode base = live instanceof ArrayNode ? ((ArrayNode) live).deepCopy() : Json.array();
        if (PRIMITIVE_MERGE_LISTS.contains(field)) {
            patch.forEach(value -> {
                if (!contains(base, value)) {
                    base.add(value.deepCopy());
                }
            });
            return base;
        }
        String mergeKey = mergeKeyFor(field, live, patch);
        if (mergeKey == null || replacesWholeList(patch)) {
            return withoutReplaceMarker(patch);
        }
        for (JsonNode element : patch) {
            mergeElement(base, mergeKey, element);
        }
        return base;
    }

    private static void mergeElement(ArrayNode base, String mergeKey, JsonNode element) {
        if (!element.isObject()) {
            base.add(element.deepCopy());
            return;
        }
        int index = indexOf(base, mergeKey, element.get(mergeKey));
        boolean delete = element.path("$patch").asText("").equals("delete");
        if (index < 0) {
            if (!delete) {
                base.add(stripDirectives(element));
            }
        } else if (delete) {
            base.remove(index);
        } else {
            base.set(index, mergeObject((ObjectNode) base.get(index), (ObjectNode) element));
        }
    }

    static int indexOf(ArrayNode list, String mergeKey, JsonNode keyValue) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode candidate = list.get(i).get(mergeKey);
            if (candidate != null && keyValue != null && candidate.asText().equals(keyValue.asText())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean replacesWholeList(ArrayNode patch) {
        for (JsonNode element : patch) {
            if (element.path("$patch").asText("").equals("replace")) {
                return true;
            }
        }
        return false;
    }

    private static ArrayNode withoutReplaceMarker(ArrayNode patch) {
        ArrayNode result = Json.array();
        for (JsonNode element : patch) {
            if (!(element.isObject() && element.size() == 1 && element.has("$patch"))) {
                result.add(stripDirectives(element));
            }
        }
        return result;
    }

    private static void removeValues(ObjectNode result, String field, JsonNode values) {
        JsonNode list = result.get(field);
        if (list instanceof ArrayNode) {
            ArrayNode kept = Json.array();
            list.forEach(value -> {
                if (!contains(values, value)) {
                    kept.add(value);
                }
            });
            result.set(field, kept);
        }
    }

    private static boolean contains(JsonNode list, JsonNode value) {
        for (JsonNode element : list) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** A copy without {@code $...} directive keys, for content that is added rather than merged. */
    static JsonNode stripDirectives(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = Json.object();
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().startsWith("$")) {
                    copy.set(field.getKey(), stripDirectives(field.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.array();
            node.forEach(element -> copy.add(stripDirectives(element)));
            return copy;
        }
        return node.deepCopy();
    }
}
