package io.jenkins.plugins.kubedelivery.engine.analysis;

import java.util.List;

/**
 * The verdict on one check from its measurements so far: a pure function, modelled on Argo
 * Rollouts' {@code assessMetricStatus}. Limits are checked in the order that is safest for users:
 * failures first (abort), then inconclusive (ask a person), then provider errors in a row (abort);
 * only when none is exceeded, every expected measurement is in and at least one of them was
 * successful does the check pass. Failed, inconclusive and errored measurements within their limits
 * are tolerated, never a pass: a step whose every measurement errored (Prometheus down) or found no
 * data goes on measuring until a limit decides, instead of passing on no evidence.
 */
public final class AnalysisAssessor {
    private AnalysisAssessor() {}

    /**
     * @param measurements this check's measurements in the current step, oldest first
     * @param expectedCount how many measurements the step takes before the check can pass
     */
    public static Assessment assess(MetricCheck check, List<Measurement> measurements, int expectedCount) {
        int failed = count(measurements, AnalysisPhase.FAILED);
        int inconclusive = count(measurements, AnalysisPhase.INCONCLUSIVE);
        int consecutiveErrors = trailingErrors(measurements);
        int taken = measurements.size();
        if (failed > check.failureLimit()) {
            return new Assessment(check.name(), AnalysisPhase.FAILED, check.name() + " " + lastDetail(measurements,
                    AnalysisPhase.FAILED) + " in " + failed + " of " + taken + " measurements (failureLimit " + check.failureLimit() + ")");
        }
        if (inconclusive > check.inconclusiveLimit()) {
            return new Assessment(check.name(), AnalysisPhase.INCONCLUSIVE, check.name() + " inconclusive in " + inconclusive
                    + " of " + taken + " measurements (inconclusiveLimit " + check.inconclusiveLimit() + "): "
                    + lastDetail(measurements, AnalysisPhase.INCONCLUSIVE));
        }
        if (consecutiveErrors > check.consecutiveErrorLimit()) {
            return new Assessment(check.name(), AnalysisPhase.ERROR, check.name() + " could not be measured "
                    + consecutiveErrors + " times in a row (consecutiveErrorLimit " + check.consecutiveErrorLimit() + "): "
                    + lastDetail(measurements, AnalysisPhase.ERROR));
        }
        int successful = count(measurements, AnalysisPhase.SUCCESSFUL);
        if (taken >= expectedCount && successful > 0) {
            return new Assessment(check.name(), AnalysisPhase.SUCCESSFUL, check.name() + " " + check.threshold().describe()
                    + " in " + successful + " of " + taken + " measurements");
        }
        return new Assessment(check.name(), AnalysisPhase.RUNNING, check.name() + ": " + taken + " of " + expectedCount
                + " measurements taken, " + successful + " successful");
    }

    private static int count(List<Measurement> measurements, AnalysisPhase phase) {
        return (int) measurements.stream().filter(m -> m.phase() == phase).count();
    }

    private static int trailingErrors(List<Measurement> measurements) {
        int errors = 0;
        for (int i = measurements.size() - 1; i >= 0 && measurements.get(i).phase() == AnalysisPhase.ERROR; i--) {
            errors++;
        }
        return errors;
    }

    /** The newest measurement of that phase's reason: the numbers a person acts on. */
    private static String lastDetail(List<Measurement> measurements, AnalysisPhase phase) {
        for (int i = measurements.size() - 1; i >= 0; i--) {
            if (measurements.get(i).phase() == phase) {
                return measurements.get(i).detail();
            }
        }
        throw new IllegalStateException("no " + phase + " measurement");
    }
}
