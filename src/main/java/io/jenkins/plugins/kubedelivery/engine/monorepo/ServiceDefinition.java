package io.jenkins.plugins.kubedelivery.engine.monorepo;

import io.jenkins.plugins.kubedelivery.engine.secrets.SecretPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param vaultSecrets per environment, the Vault secrets its deploys there read when the step names none
 */
public record ServiceDefinition(String name, String directory, String chart, boolean localChart, String release, List<String> paths,
        List<String> dependsOn, Map<String, List<SecretPath>> vaultSecrets) {
    public ServiceDefinition {
        paths = List.copyOf(paths);
        dependsOn = List.copyOf(dependsOn);
        vaultSecrets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vaultSecrets));
    }

    /** A service without Vault secrets. */
    public ServiceDefinition(String name, String directory, String chart, boolean localChart, String release, List<String> paths,
            List<String> dependsOn) {
        this(name, directory, chart, localChart, release, paths, dependsOn, Map.of());
    }

    /** By convention: {@code X/} holds the code, {@code helm/X} the chart, and the release is {@code X}. */
    public static ServiceDefinition byConvention(String name) {
        return new ServiceDefinition(name, name, "helm/" + name, true, name, List.of(), List.of());
    }

}
