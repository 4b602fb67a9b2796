package io.jenkins.plugins.kubedelivery.testcluster;

import java.util.List;
import java.util.Locale;

/** One kind the server serves, with what discovery tells clients about it. */
public record ResourceType(
        String group,
        String version,
        String kind,
        String plural,
        boolean namespaced,
        List<String> shortNames,
        boolean inCategoryAll,
        boolean hasStatus) {

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public String singular() {
        return kind.toLowerCase(Locale.ROOT);
    }

    /** Where discovery and the openapi index list the group/version: {@code api/v1} or {@code apis/g/v}. */
    public String groupVersionPath() {
        return group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
    }

    public String listKind() {
        return kind + "List";
    }

    public String key() {
        return group + "/" + plural;
    }
}
