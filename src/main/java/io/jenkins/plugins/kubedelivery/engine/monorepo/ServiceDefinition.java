package io.jenkins.plugins.kubedelivery.engine.monorepo;

import java.util.List;

/**
 * One service of the monorepo, as the conventions and {@code delivery.yaml} define it.
 *
 * @param name the service's name, a DNS label
 * @param directory its source directory, relative to the repository root ({@code payments})
 * @param chart its chart: a workspace directory ({@code helm/payments}) or a repository chart ({@code oci://...})
 * @param localChart whether the chart is a workspace directory (then its changes affect the service)
 * @param release its Helm release name
 * @param paths further paths whose changes affect it ({@code libs/common/}); a trailing slash means a directory
 * @param dependsOn services it depends on: when one of them changes, this one is delivered too
 */
public record ServiceDefinition(String name, String directory, String chart, boolean localChart, String release, List<String> paths,
        List<String> dependsOn) {
    public ServiceDefinition {
        paths = List.copyOf(paths);
        dependsOn = List.copyOf(dependsOn);
    }

    /** By convention: {@code X/} holds the code, {@code helm/X} the chart, and the release is {@code X}. */
    public static ServiceDefinition byConvention(String name) {
        return new ServiceDefinition(name, name, "helm/" + name, true, name, List.of(), List.of());
    }

}
