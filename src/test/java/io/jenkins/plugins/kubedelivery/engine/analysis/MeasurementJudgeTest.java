package io.jenkins.plugins.kubedelivery.engine.analysis;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;
import org.junit.Test;

public class MeasurementJudgeTest {
    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");
    private static final MetricCheck ERROR_RATE = new MetricCheck("error-rate", Threshold.atMost(0.01), null, 0, 0, 4);
    private static final MetricCheck SUCCESS_RATE = new MetricCheck("success-rate", Threshold.atLeast(0.99), null, 0, 0, 4);

    private static Measurement judge(MetricCheck check, MetricReading reading) {
        return MeasurementJudge.judge(check, reading, 50, AT);
    }

    @Test
    public void aValueInRangePassesAndSaysSo() {
        Measurement m = judge(ERROR_RATE, new MetricReading.Value(0.004, 120.0));
        assertEquals(AnalysisPhase.SUCCESSFUL, m.phase());
        assertEquals(0.004, m.value(), 0);
        assertEquals("0.004 within <= 0.01", m.detail());
    }

    @Test
    public void theBoundItselfIsInRange() {
        assertEquals(AnalysisPhase.SUCCESSFUL, judge(ERROR_RATE, new MetricReading.Value(0.01, 120.0)).phase());
        assertEquals(AnalysisPhase.SUCCESSFUL, judge(SUCCESS_RATE, new MetricReading.Value(0.99, 120.0)).phase());
    }

    @Test
    public void aValueOutOfRangeFailsQuotingValueAndLimit() {
        Measurement above = judge(ERROR_RATE, new MetricReading.Value(0.042, 500.0));
        assertEquals(AnalysisPhase.FAILED, above.phase());
        assertEquals("0.042 > max 0.01", above.detail());
        Measurement below = judge(SUCCESS_RATE, new MetricReading.Value(0.5, 500.0));
        assertEquals("0.5 < min 0.99", below.detail());
    }

    @Test
    public void aMeasuredValueIsQuotedWithFourSignificantDigitsUnlessThatWouldBlurItsVerdict() {
        // what a real Prometheus answers for an error rate of 6%, and of 0.5%
        assertEquals("0.06 > max 0.01", judge(ERROR_RATE, new MetricReading.Value(0.05999999824717353, 500.0)).detail());
        assertEquals("0.005 within <= 0.01", judge(ERROR_RATE, new MetricReading.Value(0.005000001343240973, 500.0)).detail());
        assertEquals("0.0100004 > max 0.01", judge(ERROR_RATE, new MetricReading.Value(0.0100004, 500.0)).detail());
        assertEquals("0.98999 < min 0.99", judge(SUCCESS_RATE, new MetricReading.Value(0.98999, 500.0)).detail());
        assertEquals("523.7 within <= 500000", judge(new MetricCheck("latency", Threshold.atMost(500000), null, 0, 0, 4),
                new MetricReading.Value(523.66666, 500.0)).detail());
    }

    @Test
    public void noDataIsInconclusiveNeverAPass() {
        Measurement m = judge(ERROR_RATE, new MetricReading.NoData("the query matched no series"));
        assertEquals(AnalysisPhase.INCONCLUSIVE, m.phase());
        assertNull(m.value());
        assertEquals("no data: the query matched no series", m.detail());
    }

    @Test
    public void notANumberIsInconclusiveEvenWhereAnyNumberWouldPass() {
        MetricCheck anything = new MetricCheck("anything", new Threshold(-1e9, 1e9), null, 0, 0, 4);
        assertEquals(AnalysisPhase.INCONCLUSIVE, judge(anything, new MetricReading.Value(Double.NaN, 100.0)).phase());
        assertEquals(AnalysisPhase.INCONCLUSIVE, judge(anything, new MetricReading.Value(Double.POSITIVE_INFINITY, 100.0)).phase());
    }

    @Test
    public void tooFewRequestsIsInconclusiveEvenWhenTheValueIsGood() {
        Measurement m = judge(ERROR_RATE, new MetricReading.Value(0.0, 49.0));
        assertEquals(AnalysisPhase.INCONCLUSIVE, m.phase());
        assertEquals("only 49 requests, fewer than minRequests 50", m.detail());
        assertEquals(AnalysisPhase.SUCCESSFUL, judge(ERROR_RATE, new MetricReading.Value(0.0, 50.0)).phase());
    }

    @Test
    public void aValueWithoutARequestCountIsNotHeldToMinRequests() {
        assertEquals(AnalysisPhase.SUCCESSFUL, judge(ERROR_RATE, new MetricReading.Value(0.0, null)).phase());
    }

    @Test
    public void aProviderFailureIsAnErrorMeasurement() {
        Measurement m = judge(ERROR_RATE, new MetricReading.Failure("connection refused"));
        assertEquals(AnalysisPhase.ERROR, m.phase());
        assertEquals("query failed: connection refused", m.detail());
    }
}
