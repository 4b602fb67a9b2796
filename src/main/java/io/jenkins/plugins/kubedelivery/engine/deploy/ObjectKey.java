package io.jenkins.plugins.kubedelivery.engine.deploy;

import java.util.Set;

/**
 * What makes a Kubernetes object one object: apiVersion, kind, namespace and name. Two Roles of
 * one name in two namespaces are two objects.
 *
 * @param namespace the object's namespace; empty for a cluster-scoped kind
 */
public record ObjectKey(String apiVersion, String kind, String namespace, String name) {
    /**
     * The built-in kinds that live outside namespaces. A manifest does not say which kinds are
     * namespaced, so every other kind (custom resources included) is taken to be namespaced.
     */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "PersistentVolume", "ClusterRole",
            "ClusterRoleBinding", "CustomResourceDefinition", "StorageClass", "PriorityClass", "IngressClass", "RuntimeClass",
            "CSIDriver", "CSINode", "VolumeAttachment", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
            "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "APIService", "CertificateSigningRequest",
            "FlowSchema", "PriorityLevelConfiguration", "GatewayClass");

    static boolean isNamespaced(String kind) {
        return !CLUSTER_SCOPED.contains(kind);
    }

    boolean isSecret() {
        return "Secret".equals(kind);
    }

    /** {@code Deployment stage/payments (apps/v1)}; a cluster-scoped object has no namespace part. */
    @Override
    public String toString() {
        return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name + " (" + apiVersion + ")";
    }
}
