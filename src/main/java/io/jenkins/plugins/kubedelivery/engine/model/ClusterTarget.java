package io.jenkins.plugins.kubedelivery.engine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Which cluster the tools talk to.
 *
 * @param kubeconfigPath a kubeconfig file as the tools see it, or {@code null} for the pod's
 *     ServiceAccount (in-cluster configuration)
 * @param kubeContext a context of that kubeconfig, or {@code null} for its current context
 * @param identity the cluster itself ({@link ClusterIdentity}: its API server URL, normalised), used
 *     to keep two deploys of the same release from overlapping however the cluster is reached;
 *     never a path that changes per build, never a secret
 */
public record ClusterTarget(String kubeconfigPath, String kubeContext, String identity) {
    public static ClusterTarget inCluster() {
        return new ClusterTarget(null, null, ClusterIdentity.IN_CLUSTER);
    }

    /**
     * The arguments that point a tool at this cluster.
     *
     * @param contextFlag the tool's name for the context flag: helm {@code --kube-context}, kubectl {@code --context}
     */
    public List<String> toolArguments(String contextFlag) {
        List<String> arguments = new ArrayList<>();
        if (kubeconfigPath != null) {
            arguments.addAll(List.of("--kubeconfig", kubeconfigPath));
        }
        if (kubeContext != null) {
            arguments.addAll(List.of(contextFlag, kubeContext));
        }
        return arguments;
    }
}
