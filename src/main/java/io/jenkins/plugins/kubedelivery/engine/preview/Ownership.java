package io.jenkins.plugins.kubedelivery.engine.preview;

import java.util.Map;

/**
 * The labels and annotations that mark what the plugin owns. The plugin never changes or deletes
 * an object without {@link #MANAGED_BY}, and checks it atomically with the change: it creates with
 * create semantics, replaces from the resourceVersion it checked, and deletes with preconditions on
 * the uid and resourceVersion it checked, so the API server refuses anything changed in between.
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

    public static boolean isOwnedPreview(Map<String, String> labels) {
        return MANAGER.equals(labels.get(MANAGED_BY)) && "true".equals(labels.get(PREVIEW));
    }
}
