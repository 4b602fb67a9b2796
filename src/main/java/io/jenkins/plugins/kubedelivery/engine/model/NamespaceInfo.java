package io.jenkins.plugins.kubedelivery.engine.model;

import java.util.Map;

/**
 * What the plugin reads of a Namespace, including the identity and version a later change or
 * delete must still find ({@code uid}, {@code resourceVersion}): what was checked is what is acted on.
 */
public record NamespaceInfo(String name, String uid, String resourceVersion, Map<String, String> labels,
        Map<String, String> annotations, String phase) {
    public static final String TERMINATING = "Terminating";

    public String label(String key) {
        return labels.get(key);
    }

    public String annotation(String key) {
        return annotations.get(key);
    }

    public boolean terminating() {
        return TERMINATING.equals(phase);
    }
}
