package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The objects of a helm manifest (a stream of YAML documents), parsed, keyed by {@link ObjectKey}
 * and in the order helm wrote them. An object without a namespace gets the release's namespace
 * when its kind is namespaced, as helm applies it; {@code kind: List} documents give their items.
 * Documents that are empty or name no kind are skipped, as helm skips them.
 */
public final class ManifestObjects {
    /** A manifest is the chart's objects, small; the limit only stops a runaway document. */
    private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    private ManifestObjects() {}

    /**
     * @param what which manifest, for the error ("the deployed manifest")
     * @throws EngineException when the text is not YAML; the message carries a position, never content (it may be a Secret)
     */
    public static Map<ObjectKey, Map<String, Object>> parse(String manifest, String releaseNamespace, String what) {
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(true).setCodePointLimit(MAX_CODE_POINTS).build();
        Map<ObjectKey, Map<String, Object>> objects = new LinkedHashMap<>();
        try {
            for (Object document : new Load(settings).loadAllFromString(manifest)) {
                add(document, releaseNamespace, objects);
            }
        } catch (MarkedYamlEngineException e) {
            throw new EngineException(what + " is not valid YAML: " + e.getProblem()
                    + e.getProblemMark().map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1)).orElse(""));
        } catch (YamlEngineException e) {
            throw new EngineException(what + " is not valid YAML");
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    private static void add(Object document, String releaseNamespace, Map<ObjectKey, Map<String, Object>> objects) {
        if (!(document instanceof Map<?, ?> map) || !(map.get("kind") instanceof String kind)) {
            return;
        }
        Map<String, Object> object = (Map<String, Object>) map;
        if (kind.endsWith("List") && object.get("items") instanceof List<?> items) {
            items.forEach(item -> add(item, releaseNamespace, objects));
            return;
        }
        Map<String, Object> metadata = object.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        String name = text(metadata.get("name"));
        if (name.isEmpty()) {
            return;
        }
        String namespace = "";
        if (ObjectKey.isNamespaced(kind)) {
            namespace = text(metadata.get("namespace"));
            if (namespace.isEmpty()) {
                namespace = releaseNamespace;
                // Written out or left to helm, it is the same namespace: compare it the same way.
                Map<String, Object> withNamespace = new LinkedHashMap<>(metadata);
                withNamespace.put("namespace", releaseNamespace);
                object.put("metadata", withNamespace);
            }
        }
        objects.put(new ObjectKey(text(object.get("apiVersion")), kind, namespace, name), object);
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
