package io.jenkins.plugins.kubedelivery.engine.monorepo;

/**
 * Where an environment is, as the conventions and {@code delivery.yaml} define it.
 *
 * @param namespace the namespace services are deployed to
 * @param kubeconfigCredentialsId the Jenkins credentials that reach its cluster, or {@code null} for the pod's ServiceAccount
 * @param kubeContext the kubeconfig context, or {@code null} for the current one
 * @param valuesSuffix values files are {@code values.<suffix>.yaml}
 * @param canary whether releases reach it through canaryShift rather than deployService
 */
public record EnvironmentDefinition(String name, String namespace, String kubeconfigCredentialsId, String kubeContext,
        String valuesSuffix, boolean canary) {
    /** By convention: namespace and values suffix are the environment's name; no canary. */
    public static EnvironmentDefinition byConvention(String name) {
        return new EnvironmentDefinition(name, name, null, null, name, false);
    }
}
