package io.jenkins.plugins.kubedelivery.jenkins.canary;

import hudson.model.AbstractDescribableImpl;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.Threshold;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.RequestMetrics;
import java.util.Optional;

/**
 * One entry of {@code canaryShift}'s {@code analysis} list: a nested describable per kind of check
 * ({@code errorRate}, {@code latency}, {@code prometheus}), converted into the engine's check and
 * query template when the step starts.
 */
public abstract class CanaryCheck extends AbstractDescribableImpl<CanaryCheck> {
    /** The check's name in the log and the result. */
    abstract String name();

    abstract Threshold threshold();

    /**
     * @param metrics where the router's request metrics come from, empty when it has none
     * @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming {@code analysis}
     */
    abstract MetricQuery query(Optional<RequestMetrics> metrics);

    /** The check with the limits the step gives every check. */
    final MetricCheck check(int failureLimit, int inconclusiveLimit) {
        return new MetricCheck(name(), threshold(), null, failureLimit, inconclusiveLimit, MetricCheck.DEFAULT_CONSECUTIVE_ERROR_LIMIT);
    }

    static RequestMetrics builtIn(Optional<RequestMetrics> metrics, String check) {
        return metrics.orElseThrow(() -> new io.jenkins.plugins.kubedelivery.engine.ValidationException("analysis", check
                + "() reads the router's request metrics, and replicas() has none: use prometheus(name:, query:, max:) with"
                + " your own query"));
    }
}
