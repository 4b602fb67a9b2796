package io.jenkins.plugins.kubedelivery.engine.deploy;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.WriterConfig;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a pipeline passes as data ({@code values}, {@code secretValues}, {@code imageTag}, {@code imageRepository}),
 * nested by their dotted keys and written as one JSON values file (JSON is YAML, so helm reads it).
 * Data never becomes a {@code --set} argument: commas, equals signs and newlines stay data.
 */
public final class GeneratedValues {
    private final Map<String, Object> root = new LinkedHashMap<>();

    /** Adds every entry of a user map; dotted keys ({@code image.tag}) are paths. */
    public GeneratedValues putAll(String parameter, Map<String, ?> values) {
        for (Map.Entry<String, ?> e : values.entrySet()) {
            put(parameter, e.getKey(), e.getValue());
        }
        return this;
    }

    public GeneratedValues put(String parameter, String dottedKey, Object value) {
        String[] path = splitKey(parameter, dottedKey);
        Map<String, Object> node = root;
        for (int i = 0; i < path.length - 1; i++) {
            node = child(parameter, dottedKey, node, path[i]);
        }
        Object converted = convert(parameter, dottedKey, value);
        Object previous = node.get(path[path.length - 1]);
        if (previous instanceof Map<?, ?> && converted instanceof Map<?, ?> nested) {
            @SuppressWarnings("unchecked")
            Map<String, Object> target = (Map<String, Object>) previous;
            nested.forEach((k, v) -> target.put((String) k, v));
        } else {
            node.put(path[path.length - 1], converted);
        }
        return this;
    }

    public Map<String, Object> asMap() {
        return root;
    }

    /**
     * Removes the value at a dotted key ({@code image.tag}, a path as {@link #put} reads it) from nested values maps, as
     * plain maps hold them; nothing when a map on the way is missing.
     */
    public static void removeAt(Map<?, ?> values, String dottedKey) {
        String[] path = dottedKey.split("\\.");
        Map<?, ?> node = values;
        for (int i = 0; i < path.length - 1; i++) {
            if (!(node.get(path[i]) instanceof Map<?, ?> child)) {
                return;
            }
            node = child;
        }
        node.remove(path[path.length - 1]);
    }

    public boolean isEmpty() {
        return root.isEmpty();
    }

    /** The values file content. */
    public static String toJson(Map<String, Object> values) {
        return toJsonValue(values).toString(WriterConfig.PRETTY_PRINT) + "\n";
    }

    private static String[] splitKey(String parameter, String key) {
        if (key == null || key.isBlank() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
            throw new ValidationException(parameter, "key '" + NameRules.shown(String.valueOf(key))
                    + "' is not a values path: use names separated by dots, such as 'image.tag'");
        }
        for (char c : key.toCharArray()) {
            if (c == '=' || c == ',' || c == '[' || c == ']' || Character.isISOControl(c) || Character.isWhitespace(c)) {
                throw new ValidationException(parameter, "key '" + NameRules.shown(key) + "' contains '" + NameRules.shown(String.valueOf(c))
                        + "': a values key is a dotted path of names; put nested maps in the value instead");
            }
        }
        return key.split("\\.");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(String parameter, String key, Map<String, Object> node, String name) {
        Object existing = node.get(name);
        if (existing == null) {
            Map<String, Object> created = new LinkedHashMap<>();
            node.put(name, created);
            return created;
        }
        if (existing instanceof Map<?, ?>) {
            return (Map<String, Object>) existing;
        }
        throw new ValidationException(parameter, "key '" + key + "' goes inside '" + name + "', which is already set to a"
                + " plain value; set one or the other");
    }

    private static Object convert(String parameter, String key, Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> nested = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String childKey = String.valueOf(e.getKey());
                nested.put(childKey, convert(parameter, key + "." + childKey, e.getValue()));
            }
            return nested;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> convert(parameter, key + "[]", item)).toList();
        }
        throw new ValidationException(parameter, "the value of '" + key + "' is a " + value.getClass().getSimpleName()
                + "; use strings, numbers, booleans, lists or maps");
    }

    private static JsonValue toJsonValue(Object value) {
        if (value == null) {
            return Json.NULL;
        }
        if (value instanceof Boolean b) {
            return Json.value(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Json.value(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return Json.value(n.doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            map.forEach((k, v) -> object.add((String) k, toJsonValue(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(item -> array.add(toJsonValue(item)));
            return array;
        }
        return Json.value(value.toString());
    }
}
