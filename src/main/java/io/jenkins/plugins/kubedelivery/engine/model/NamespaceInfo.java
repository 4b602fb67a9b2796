package io.jenkins.plugins.kubedelivery.engine.model;

import java.util.Map;

/** What the plugin reads of a Namespace. */
public record NamespaceInfo(String name, Map<String, String> labels, Map<String, String> annotations, String phase) {
    public String label(String key) {
        return labels.get(key);
    }

    public String annotation(String key) {
        return annotations.get(key);
    }
}
