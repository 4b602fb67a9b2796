package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON patch, RFC 6902: add, remove, replace, move, copy and test on a copy of the target. Any operation that does
 * not apply (a failed test above all) fails the whole patch with the apiserver's generic 422
 * ({@link ApiException#patchNotApplicable}), as evanphx/json-patch's errors reach clients through it.
 */
public final class JsonPatch {
    private JsonPatch() {}

    public static JsonNode apply(JsonNode target, JsonNode operations) {
        if (!operations.isArray()) {
            throw ApiException.badRequest("a JSON patch must be an array of operations");
        }
        JsonNode result = target.deepCopy();
        for (JsonNode operation : operations) {
            result = applyOne(result, operation);
        }
        return result;
    }

    private static JsonNode applyOne(JsonNode document, JsonNode operation) {
        String op = operation.path("op").asText();
        String path = operation.path("path").asText();
        switch (op) {
            case "add":
                return add(document, path, operation.get("value").deepCopy());
            case "remove":
                remove(document, path);
                return document;
            case "replace":
                valueAt(document, path);
                remove(document, path);
                return add(document, path, operation.get("value").deepCopy());
            case "move": {
                JsonNode moved = valueAt(document, operation.path("from").asText());
                remove(document, operation.path("from").asText());
                return add(document, path, moved);
            }
            case "copy":
                return add(document, path, valueAt(document, operation.path("from").asText()).deepCopy());
            case "test":
                if (!valueAt(document, path).equals(operation.get("value"))) {
                    throw ApiException.patchNotApplicable(); // testing value <path> failed
                }
                return document;
            default:
                throw ApiException.badRequest("unknown JSON patch operation " + op);
        }
    }

    private static JsonNode add(JsonNode document, String path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode parent = valueAt(document, parentOf(path));
        String last = lastToken(path);
        if (parent instanceof ObjectNode) {
            ((ObjectNode) parent).set(last, value);
        } else if (parent instanceof ArrayNode) {
            ArrayNode array = (ArrayNode) parent;
            int index = last.equals("-") ? array.size() : index(last, array.size() + 1, path);
            array.insert(index, value);
        } else {
            throw ApiException.patchNotApplicable(); // cannot add at <path>
        }
        return document;
    }

    private static void remove(JsonNode document, String path) {
        JsonNode parent = valueAt(document, parentOf(path));
        String last = lastToken(path);
        if (parent instanceof ObjectNode && parent.has(last)) {
            ((ObjectNode) parent).remove(last);
        } else if (parent instanceof ArrayNode) {
            ((ArrayNode) parent).remove(index(last, parent.size(), path));
        } else {
            throw ApiException.patchNotApplicable(); // no value at <path> to remove
        }
    }

    private static JsonNode valueAt(JsonNode document, String path) {
        JsonNode current = document;
        if (!path.isEmpty()) {
            for (String raw : path.substring(1).split("/", -1)) {
                String token = unescape(raw);
                current = current.isArray() ? current.get(index(token, current.size(), path)) : current.get(token);
                if (current == null) {
                    throw ApiException.patchNotApplicable(); // no value at <path>
                }
            }
        }
        return current;
    }

    private static int index(String token, int limit, String path) {
        try {
            int index = Integer.parseInt(token);
            if (index >= 0 && index < limit) {
                return index;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.patchNotApplicable(); // bad array index in <path>
    }

    private static String parentOf(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    private static String lastToken(String path) {
        return unescape(path.substring(path.lastIndexOf('/') + 1));
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
