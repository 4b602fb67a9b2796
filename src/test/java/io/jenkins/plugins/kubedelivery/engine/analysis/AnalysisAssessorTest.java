package io.jenkins.plugins.kubedelivery.engine.analysis;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class AnalysisAssessorTest {
    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

    private static MetricCheck errorRate(int failureLimit, int inconclusiveLimit, int consecutiveErrorLimit) {
        return new MetricCheck("error-rate", Threshold.atMost(0.01), null, failureLimit, inconclusiveLimit, consecutiveErrorLimit);
    }

    /** Readings as letters: g good, b bad, n no data, e provider error. */
    private static List<Measurement> measurements(MetricCheck check, String letters) {
        List<Measurement> list = new ArrayList<>();
        for (char c : letters.toCharArray()) {
            MetricReading reading = switch (c) {
                case 'g' -> new MetricReading.Value(0.001, 100.0);
                case 'b' -> new MetricReading.Value(0.042, 100.0);
                case 'n' -> new MetricReading.NoData("no series");
                case 'e' -> new MetricReading.Failure("HTTP 503");
                default -> throw new IllegalArgumentException(String.valueOf(c));
            };
            list.add(MeasurementJudge.judge(check, reading, 50, AT));
        }
        return list;
    }

    private static Assessment assess(MetricCheck check, String letters, int expected) {
        return AnalysisAssessor.assess(check, measurements(check, letters), expected);
    }

    @Test
    public void runningUntilEveryExpectedMeasurementIsIn() {
        MetricCheck check = errorRate(0, 0, 4);
        assertEquals(AnalysisPhase.RUNNING, assess(check, "", 3).phase());
        assertEquals(AnalysisPhase.RUNNING, assess(check, "gg", 3).phase());
        Assessment passed = assess(check, "ggg", 3);
        assertEquals(AnalysisPhase.SUCCESSFUL, passed.phase());
        assertEquals("error-rate <= 0.01 in 3 of 3 measurements", passed.message());
    }

    @Test
    public void failsAtOnceWhenFailuresExceedTheLimitQuotingTheNumbers() {
        MetricCheck check = errorRate(1, 0, 4);
        assertEquals(AnalysisPhase.RUNNING, assess(check, "b", 3).phase());
        Assessment failed = assess(check, "bgb", 3);
        assertEquals(AnalysisPhase.FAILED, failed.phase());
        assertEquals("error-rate 0.042 > max 0.01 in 2 of 3 measurements (failureLimit 1)", failed.message());
        assertEquals("the second failure decides, before the step's count is reached",
                AnalysisPhase.FAILED, assess(check, "bb", 5).phase());
    }

    @Test
    public void failuresWithinTheLimitStillPass() {
        assertEquals(AnalysisPhase.SUCCESSFUL, assess(errorRate(1, 0, 4), "gbg", 3).phase());
    }

    @Test
    public void defaultLimitsFailOnTheFirstBadMeasurement() {
        assertEquals(AnalysisPhase.FAILED, assess(errorRate(0, 0, 4), "b", 3).phase());
    }

    @Test
    public void inconclusiveBeyondItsLimitAsksAPerson() {
        Assessment a = assess(errorRate(0, 1, 4), "gnn", 5);
        assertEquals(AnalysisPhase.INCONCLUSIVE, a.phase());
        assertEquals("error-rate inconclusive in 2 of 3 measurements (inconclusiveLimit 1): no data: no series", a.message());
        assertEquals(AnalysisPhase.RUNNING, assess(errorRate(0, 1, 4), "gn", 5).phase());
    }

    @Test
    public void onlyInconclusiveMeasurementsNeverPassEvenWhenTheCountIsReached() {
        assertEquals(AnalysisPhase.INCONCLUSIVE, assess(errorRate(0, 0, 4), "n", 1).phase());
    }

    @Test
    public void withoutASuccessfulMeasurementTheCheckGoesOnMeasuringWhateverTheCount() {
        // Prometheus down all step long: errors within the consecutive-error limit are not a pass
        Assessment unreachable = assess(errorRate(0, 0, 4), "eee", 3);
        assertEquals(AnalysisPhase.RUNNING, unreachable.phase());
        assertEquals("error-rate: 3 of 3 measurements taken, 0 successful", unreachable.message());
        assertEquals(AnalysisPhase.ERROR, assess(errorRate(0, 0, 4), "eeeee", 3).phase());
        // no data or a bad value within its limit is not a pass either
        assertEquals(AnalysisPhase.RUNNING, assess(errorRate(0, 1, 4), "n", 1).phase());
        assertEquals(AnalysisPhase.RUNNING, assess(errorRate(1, 0, 4), "b", 1).phase());
        // one success among tolerated ones passes, as before
        assertEquals(AnalysisPhase.SUCCESSFUL, assess(errorRate(0, 0, 4), "eeg", 3).phase());
    }

    @Test
    public void failureOutranksInconclusive() {
        assertEquals(AnalysisPhase.FAILED, assess(errorRate(0, 0, 4), "nb", 3).phase());
    }

    @Test
    public void providerErrorsCountOnlyInARow() {
        MetricCheck check = errorRate(0, 0, 2);
        assertEquals(AnalysisPhase.RUNNING, assess(check, "eegee", 9).phase());
        Assessment error = assess(check, "geee", 9);
        assertEquals(AnalysisPhase.ERROR, error.phase());
        assertEquals("error-rate could not be measured 3 times in a row (consecutiveErrorLimit 2): query failed: HTTP 503",
                error.message());
    }

    @Test
    public void errorsWithinTheLimitDoNotCountAsPasses() {
        Assessment a = assess(errorRate(0, 0, 4), "geg", 3);
        assertEquals(AnalysisPhase.SUCCESSFUL, a.phase());
        assertEquals("error-rate <= 0.01 in 2 of 3 measurements", a.message());
    }

    @Test
    public void limitsMustNotBeNegative() {
        ValidationException e = assertThrows(ValidationException.class, () -> errorRate(-1, 0, 4));
        assertEquals("failureLimit: error-rate: must be 0 or more, not -1", e.getMessage());
    }

    @Test
    public void thresholdsNeedABoundAndAnOrder() {
        assertThrows(ValidationException.class, () -> new Threshold(null, null));
        assertEquals("analysis: min 2 is above max 1", assertThrows(ValidationException.class, () -> new Threshold(2.0, 1.0)).getMessage());
        assertThrows(ValidationException.class, () -> new Threshold(Double.NaN, null));
        assertEquals("0.5..2", new Threshold(0.5, 2.0).describe());
        assertEquals(">= 0.0005", Threshold.atLeast(0.0005).describe());
    }
}
