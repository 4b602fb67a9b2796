package io.jenkins.plugins.kubedelivery.engine.analysis;

import java.time.Instant;

/**
 * Turns one reading into a judged {@link Measurement}. Pure. The rule that matters: no data, NaN
 * or too few requests is inconclusive, never a pass, because a canary that receives no traffic
 * proves nothing.
 */
public final class MeasurementJudge {
    private MeasurementJudge() {}

    /**
     * @param minRequests requests a value must cover to count (0: no minimum); applies only to
     *     readings that carry a request count
     */
    public static Measurement judge(MetricCheck check, MetricReading reading, long minRequests, Instant at) {
        if (reading instanceof MetricReading.Failure failure) {
            return new Measurement(check.name(), at, AnalysisPhase.ERROR, null, "query failed: " + failure.message());
        }
        if (reading instanceof MetricReading.NoData none) {
            return new Measurement(check.name(), at, AnalysisPhase.INCONCLUSIVE, null, "no data: " + none.reason());
        }
        return judgeValue(check, (MetricReading.Value) reading, minRequests, at);
    }

    private static Measurement judgeValue(MetricCheck check, MetricReading.Value reading, long minRequests, Instant at) {
        double value = reading.value();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return new Measurement(check.name(), at, AnalysisPhase.INCONCLUSIVE, null,
                    "the query returned " + value + " (no requests to compute it from)");
        }
        if (reading.requests() != null && reading.requests() < minRequests) {
            return new Measurement(check.name(), at, AnalysisPhase.INCONCLUSIVE, value, "only "
                    + Threshold.number(Math.floor(reading.requests())) + " requests, fewer than minRequests " + minRequests);
        }
        return check.threshold().violation(value)
                .map(why -> new Measurement(check.name(), at, AnalysisPhase.FAILED, value, why))
                .orElseGet(() -> new Measurement(check.name(), at, AnalysisPhase.SUCCESSFUL, value,
                        check.threshold().quote(value) + " within " + check.threshold().describe()));
    }
}
