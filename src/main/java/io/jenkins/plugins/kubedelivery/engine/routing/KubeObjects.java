package io.jenkins.plugins.kubedelivery.engine.routing;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;

/**
 * Reading Kubernetes objects as {@code kubectl get -o json} returns them, where empty fields are
 * simply absent: a missing object reads as empty, a missing list as empty, so the routers' rules
 * read as what they check rather than as null checks.
 */
public final class KubeObjects {
    private KubeObjects() {}

    /** The object at that path, or an empty one. */
    public static JsonObject object(JsonObject root, String... path) {
        JsonObject current = root;
        for (String key : path) {
            JsonValue next = current.get(key);
            if (next == null || !next.isObject()) {
                return new JsonObject();
            }
            current = next.asObject();
        }
        return current;
    }

    /** The list under that key, or an empty one. */
    public static JsonArray array(JsonObject parent, String key) {
        JsonValue value = parent.get(key);
        return value != null && value.isArray() ? value.asArray() : new JsonArray();
    }

    /** Copies a field when it is set (not absent, not null). */
    public static void copy(JsonObject from, JsonObject to, String field) {
        JsonValue value = from.get(field);
        if (value != null && !value.isNull()) {
            to.add(field, value);
        }
    }

    public static String name(JsonObject object) {
        return object(object, "metadata").getString("name", "");
    }

    public static String namespace(JsonObject object) {
        return object(object, "metadata").getString("namespace", "default");
    }

    /** {@code ingress prod/payments}: how messages name an object. */
    public static String describe(String kind, JsonObject object) {
        return kind + " " + namespace(object) + "/" + name(object);
    }
}
