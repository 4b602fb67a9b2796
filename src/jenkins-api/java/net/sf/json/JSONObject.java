// Mirrors org.kohsuke.stapler:json-lib:2.4-jenkins-8, as jenkins-core 2.479.3 ships it (compile-only, never packaged).
// The real class implements the raw java.util.Map; only the two Map members the plugin calls are declared.
package net.sf.json;

import java.util.LinkedHashMap;
import java.util.Map;

public final class JSONObject {
    private final Map<Object, Object> properties = new LinkedHashMap<>();

    public JSONObject() {}

    public Object get(Object key) {
        return properties.get(key);
    }

    public Object put(Object key, Object value) {
        return properties.put(key, value);
    }
}
