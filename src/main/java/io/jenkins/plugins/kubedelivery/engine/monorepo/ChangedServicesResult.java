package io.jenkins.plugins.kubedelivery.engine.monorepo;

import java.util.List;

/**
 * What changedServices found.
 *
 * @param services the affected services in catalogue order, each with its reason
 * @param all whether every service was taken because no exact answer was possible (see {@code why})
 * @param baseCommit the commit compared with, or {@code null} when there was none
 * @param why how the base was chosen, or why every service was taken
 * @param changedFiles how many files differ from the base
 */
public record ChangedServicesResult(List<AffectedService> services, boolean all, String baseCommit, String why,
        int changedFiles, long durationMillis) {
    public ChangedServicesResult {
        services = List.copyOf(services);
    }

    public List<String> names() {
        return services.stream().map(AffectedService::service).toList();
    }
}
