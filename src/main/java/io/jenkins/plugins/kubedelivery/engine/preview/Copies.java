package io.jenkins.plugins.kubedelivery.engine.preview;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only copies a request record keeps, Serializable whatever collection the caller passed, in
 * the caller's order and with any null entry kept, since the planners name a null entry in their
 * refusal.
 */
final class Copies {
    private Copies() {}

    static Map<String, String> of(Map<String, String> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static List<String> of(List<String> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
