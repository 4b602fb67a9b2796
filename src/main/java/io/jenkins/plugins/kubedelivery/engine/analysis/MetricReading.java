package io.jenkins.plugins.kubedelivery.engine.analysis;

/**
 * What a {@link MetricProvider} answered for one query: a number, no data, or a failure. A failure
 * is data, not an exception (Argo Rollouts' {@code MarkMeasurementError}): it counts toward the
 * consecutive-error limit instead of ending the canary on the first network blip.
 */
public sealed interface MetricReading {
    /**
     * @param value the query's single value; may be NaN (a rate over zero requests), which is never a pass
     * @param requests how many requests the value covers, or {@code null} when the check has no request count
     */
    record Value(double value, Double requests) implements MetricReading {}

    /** The query matched no series (no traffic yet, or a wrong label). */
    record NoData(String reason) implements MetricReading {}

    /** The metric source could not answer (unreachable, bad query, HTTP error). */
    record Failure(String message) implements MetricReading {}
}
