package io.jenkins.plugins.kubedelivery.engine.preview;

import io.jenkins.plugins.kubedelivery.engine.StepResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What deletePreviewNamespace did.
 *
 * @param deleted whether this call deleted the namespace; when not, it was already gone or already being deleted
 */
public record DeletePreviewResult(String namespace, boolean deleted) implements StepResult {
    /** {@code alreadyGone} when this call deleted nothing (gone, or already being deleted). */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("namespace", namespace);
        map.put("deleted", deleted);
        map.put("alreadyGone", !deleted);
        return map;
    }
}
