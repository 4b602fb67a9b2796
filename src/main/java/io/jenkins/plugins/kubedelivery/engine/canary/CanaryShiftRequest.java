package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import java.io.Serializable;
import java.util.Map;

/**
 * What {@code canaryShift} was asked to do. Holds no credential: the metric provider gets those
 * when the call runs.
 *
 * @param deploy the new version as a deploy of the stable release (service, environment, imageTag, values): the
 *     canary release is installed from it under the canary's name, and the promotion upgrades stable with it
 * @param plan the weight steps, the interval and the checks
 * @param queries per check name, its query template ({@code {{namespace}}}, {@code {{service}}}, {@code {{canary}}},
 *     {@code {{interval}}} and the router's own placeholders, filled before any command runs)
 * @param build who runs the canary (the build's URL or full display name): recorded in the cluster, so that a
 *     restarted execution of the same build carries on and any other build is refused
 */
public record CanaryShiftRequest(DeployRequest deploy, CanaryPlan plan, Map<String, MetricQuery> queries,
        String build) implements Serializable {
    private static final long serialVersionUID = 1L;

    public CanaryShiftRequest {
        queries = Map.copyOf(queries);
        if (build == null || build.isBlank()) {
            throw new IllegalArgumentException("a canary needs the build that runs it");
        }
        for (MetricCheck check : plan.checks()) {
            if (!queries.containsKey(check.name())) {
                throw new ValidationException("analysis", "check '" + check.name() + "' has no query");
            }
        }
    }
}
