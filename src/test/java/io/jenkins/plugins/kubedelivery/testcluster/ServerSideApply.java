package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An approximation of server-side apply without managedFields or conflicts: the applied
 * configuration is strategically merged onto the live object, then whatever the same field manager
 * applied last time and no longer applies (map keys, keyed list entries) is removed.
 */
public final class ServerSideApply {
    private ServerSideApply() {}

    public static ObjectNode apply(ObjectNode live, ObjectNode applied, JsonNode previouslyApplied) {
        ObjectNode result = (ObjectNode) StrategicMerge.apply(live, applied);
        if (previouslyApplied instanceof ObjectNode) {
            prune(result, (ObjectNode) previouslyApplied, applied);
        }
        return result;
    }

    private static void prune(ObjectNode result, ObjectNode before, ObjectNode now) {
        Iterator<String> names = before.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode was = before.get(name);
            JsonNode is = now.get(name);
            JsonNode current = result.get(name);
            if (is == null || is.isNull()) {
                pruneDropped(result, name, was, current);
            } else if (was.isObject() && is.isObject() && current instanceof ObjectNode) {
                prune((ObjectNode) current, (ObjectNode) was, (ObjectNode) is);
            } else if (was.isArray() && is.isArray() && current instanceof ArrayNode) {
                pruneList(name, (ArrayNode) current, (ArrayNode) was, (ArrayNode) is);
            }
        }
    }

    /**
     * A field the manager no longer applies: its leaves go, but a map or keyed list that others
     * also wrote keeps their entries, and is removed only when nothing is left in it.
     */
    private static void pruneDropped(ObjectNode result, String name, JsonNode was, JsonNode current) {
        if (was.isObject() && current instanceof ObjectNode) {
            prune((ObjectNode) current, (ObjectNode) was, Json.object());
        } else if (was.isArray() && current instanceof ArrayNode && StrategicMerge.mergeKeyFor(name, was) != null) {
            pruneList(name, (ArrayNode) current, (ArrayNode) was, Json.array());
        } else {
            result.remove(name);
            return;
        }
        if (current.isEmpty()) {
            result.remove(name);
        }
    }

    private static void pruneList(String field, ArrayNode current, ArrayNode was, ArrayNode is) {
        String mergeKey = StrategicMerge.mergeKeyFor(field, was, is);
        if (mergeKey == null) {
            return;
        }
        List<JsonNode> dropped = new ArrayList<>();
        for (JsonNode element : was) {
            JsonNode key = element.get(mergeKey);
            int stillApplied = StrategicMerge.indexOf(is, mergeKey, key);
            int live = StrategicMerge.indexOf(current, mergeKey, key);
            if (live < 0) {
                continue;
            }
            if (stillApplied < 0) {
                dropped.add(current.get(live));
            } else if (element.isObject() && current.get(live).isObject()) {
                prune((ObjectNode) current.get(live), (ObjectNode) element, (ObjectNode) is.get(stillApplied));
            }
        }
        for (JsonNode gone : dropped) {
            for (int i = 0; i < current.size(); i++) {
                if (current.get(i) == gone) {
                    current.remove(i);
                    break;
                }
            }
        }
    }
}
