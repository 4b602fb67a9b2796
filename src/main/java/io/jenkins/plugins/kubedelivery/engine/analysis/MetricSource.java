package io.jenkins.plugins.kubedelivery.engine.analysis;

import java.io.Serializable;

/**
 * Where a canary's measurements come from, as names only: recorded with the canary's plan in the
 * cluster, so that a companion step can measure the next steps with the same source. Never a secret:
 * the credential is named by its Jenkins id and looked up when a step runs.
 *
 * @param prometheusUrl Prometheus' address, or {@code null} when the canary has no checks
 * @param credentialsId the Jenkins credentials id of Prometheus' token, or {@code null} for none
 */
public record MetricSource(String prometheusUrl, String credentialsId) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No metric source: a canary without checks. */
    public static final MetricSource NONE = new MetricSource(null, null);

    /** Opens the provider for a source, where the step runs (on the agent, with the build's credentials). */
    @FunctionalInterface
    public interface Opener {
        MetricProvider open(MetricSource source) throws InterruptedException;
    }
}
