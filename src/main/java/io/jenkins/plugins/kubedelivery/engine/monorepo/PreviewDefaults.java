package io.jenkins.plugins.kubedelivery.engine.monorepo;

import java.util.Map;

/**
 * Preview settings from {@code delivery.yaml}, named as {@code createPreviewNamespace} names its
 * parameters; {@code null} (or empty) where it gives none, so the step's own defaults apply. Step
 * parameters override each.
 *
 * @param namePattern the preview namespace's name, e.g. {@code pr-{pr}-{repository}}
 * @param hostPattern the preview's host, e.g. {@code pr-{pr}.{repository}.preview.example.com}
 * @param ttl how long a preview lives without a push, as a duration text ({@code 72h})
 * @param quota ResourceQuota hard limits
 */
public record PreviewDefaults(String namePattern, String hostPattern, String ttl, Map<String, String> quota) {
    public static final PreviewDefaults NONE = new PreviewDefaults(null, null, null, Map.of());

    public PreviewDefaults {
        quota = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(quota));
    }
}
