package io.jenkins.plugins.kubedelivery.engine.preview;

import java.util.Map;

/**
 * The labels and annotations that mark what the plugin owns. The plugin never changes or deletes
 * an object without {@link #MANAGED_BY}; every delete it issues also carries {@link #selector}, so
 * the API server itself refuses to match anything else.
 */
public final class Ownership {
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "kube-delivery";
    public static final String PREVIEW = "kube-delivery.io/preview";
    public static final String PR = "kube-delivery.io/pr";
    public static final String REPOSITORY = "kube-delivery.io/repository";

    public static final String BRANCH = "kube-delivery.io/branch";
    public static final String COMMIT = "kube-delivery.io/commit";
    public static final String BUILD_URL = "kube-delivery.io/build-url";
    public static final String CREATED_AT = "kube-delivery.io/created-at";
    public static final String EXPIRES_AT = "kube-delivery.io/expires-at";
    public static final String REPOSITORY_NAME = "kube-delivery.io/repository-name";

    private Ownership() {}

    /** Every preview namespace the plugin owns. */
    public static String previewSelector() {
        return MANAGED_BY + "=" + MANAGER + "," + PREVIEW + "=true";
    }

    /**
     * Selects exactly the namespace these labels describe: ownership, plus its PR and repository
     * labels where it has them, so a delete matches nothing that changed hands in between.
     */
    public static String selectorFor(Map<String, String> labels) {
        StringBuilder selector = new StringBuilder(previewSelector());
        for (String key : new String[] {PR, REPOSITORY}) {
            String value = labels.get(key);
            if (value != null && !value.isEmpty()) {
                selector.append(',').append(key).append('=').append(value);
            }
        }
        return selector.toString();
    }

    public static boolean isOwnedPreview(Map<String, String> labels) {
        return MANAGER.equals(labels.get(MANAGED_BY)) && "true".equals(labels.get(PREVIEW));
    }
}
