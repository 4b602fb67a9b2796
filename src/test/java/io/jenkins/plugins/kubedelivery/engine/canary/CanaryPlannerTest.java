package io.jenkins.plugins.kubedelivery.engine.canary;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.analysis.MeasurementJudge;
import io.jenkins.plugins.kubedelivery.engine.analysis.Measurement;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricReading;
import io.jenkins.plugins.kubedelivery.engine.analysis.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** The planner tick by tick, as Flagger tests its scheduler: each tick is a decision at an instant. */
public class CanaryPlannerTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final MetricCheck ERROR_RATE = new MetricCheck("error-rate", Threshold.atMost(0.01), null, 0, 0, 4);
    private static final MetricCheck LATENCY = new MetricCheck("latency-p99", Threshold.atMost(500), null, 1, 0, 4);

    private static CanaryPlan plan(List<MetricCheck> checks, CanaryStep... steps) {
        return new CanaryPlan(List.of(steps), MINUTE, checks, 50);
    }

    private static CanaryStep timed(int weight, int minutes) {
        return new CanaryStep(weight, new Pause.Timed(Duration.ofMinutes(minutes)));
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** One measurement round: each check read as given (a number, or null for no data). */
    private static StepProgress measured(StepProgress progress, Instant when, List<MetricCheck> checks, Double... values) {
        List<Measurement> round = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            MetricReading reading = values[i] == null ? new MetricReading.NoData("no series") : new MetricReading.Value(values[i], 100.0);
            round.add(MeasurementJudge.judge(checks.get(i), reading, 50, when));
        }
        return progress.with(round);
    }

    @Test
    public void aPassingCanaryMeasuresEveryIntervalThenAdvancesAndPromotes() {
        List<MetricCheck> checks = List.of(ERROR_RATE);
        CanaryPlan plan = plan(checks, timed(10, 2), timed(100, 1));
        StepProgress p = StepProgress.begin(0, at(0));

        assertEquals(new CanaryDecision.WaitUntil(at(1)), CanaryPlanner.decide(plan, p, at(0)));
        assertEquals(new CanaryDecision.Measure(checks), CanaryPlanner.decide(plan, p, at(1)));
        p = measured(p, at(1), checks, 0.001);
        assertEquals(new CanaryDecision.WaitUntil(at(2)), CanaryPlanner.decide(plan, p, at(1)));
        p = measured(p, at(2), checks, 0.002);
        assertEquals(new CanaryDecision.Advance(1, 100), CanaryPlanner.decide(plan, p, at(2)));

        StepProgress last = StepProgress.begin(1, at(2));
        assertEquals(new CanaryDecision.Measure(checks), CanaryPlanner.decide(plan, last, at(3)));
        last = measured(last, at(3), checks, 0.0);
        CanaryDecision promote = CanaryPlanner.decide(plan, last, at(3));
        assertTrue(promote instanceof CanaryDecision.Promote);
        assertEquals("all 2 steps passed, last at weight 100 (error-rate <= 0.01 in 1 of 1 measurements)",
                ((CanaryDecision.Promote) promote).summary());
    }

    @Test
    public void aFailingMeasurementAbortsAtOnceWithTheNumbersAndTheWeight() {
        List<MetricCheck> checks = List.of(ERROR_RATE);
        CanaryPlan plan = plan(checks, timed(10, 5), timed(25, 5), timed(100, 5));
        StepProgress p = measured(StepProgress.begin(1, at(0)), at(1), checks, 0.042);
        assertEquals(new CanaryDecision.Abort("error-rate 0.042 > max 0.01 in 1 of 1 measurements (failureLimit 0) at weight 25"),
                CanaryPlanner.decide(plan, p, at(1)));
    }

    @Test
    public void failuresWithinTheLimitHoldTheStepUntilItsCountIsIn() {
        List<MetricCheck> checks = List.of(LATENCY);
        CanaryPlan plan = plan(checks, timed(50, 3), timed(100, 1));
        StepProgress p = StepProgress.begin(0, at(0));
        p = measured(p, at(1), checks, 900.0);
        assertEquals(new CanaryDecision.WaitUntil(at(2)), CanaryPlanner.decide(plan, p, at(1)));
        p = measured(p, at(2), checks, 200.0);
        p = measured(p, at(3), checks, 210.0);
        assertEquals(new CanaryDecision.Advance(1, 100), CanaryPlanner.decide(plan, p, at(3)));
        StepProgress again = measured(StepProgress.begin(0, at(0)), at(1), checks, 900.0);
        again = measured(again, at(2), checks, 901.0);
        assertTrue(CanaryPlanner.decide(plan, again, at(2)) instanceof CanaryDecision.Abort);
    }

    @Test
    public void noDataPausesForAPersonAndNeverAdvances() {
        List<MetricCheck> checks = List.of(ERROR_RATE);
        CanaryPlan plan = plan(checks, timed(10, 1), timed(100, 1));
        StepProgress p = measured(StepProgress.begin(0, at(0)), at(1), checks, (Double) null);
        assertEquals(new CanaryDecision.Pause("error-rate inconclusive in 1 of 1 measurements (inconclusiveLimit 0): no data:"
                + " no series at weight 10; decide whether to promote or abort"), CanaryPlanner.decide(plan, p, at(1)));
    }

    @Test
    public void aFailureAnywhereOutranksAnotherChecksInconclusive() {
        List<MetricCheck> checks = List.of(ERROR_RATE, new MetricCheck("latency-p99", Threshold.atMost(500), null, 0, 0, 4));
        CanaryPlan plan = plan(checks, timed(10, 5), timed(100, 1));
        StepProgress p = measured(StepProgress.begin(0, at(0)), at(1), checks, null, 900.0);
        assertTrue(CanaryPlanner.decide(plan, p, at(1)) instanceof CanaryDecision.Abort);
    }

    @Test
    public void aStepWithoutChecksWaitsOutItsPause() {
        CanaryPlan plan = plan(List.of(), timed(10, 5), timed(100, 0));
        StepProgress p = StepProgress.begin(0, at(0));
        assertEquals(new CanaryDecision.WaitUntil(at(5)), CanaryPlanner.decide(plan, p, at(2)));
        assertEquals(new CanaryDecision.Advance(1, 100), CanaryPlanner.decide(plan, p, at(5)));
        assertTrue(CanaryPlanner.decide(plan, StepProgress.begin(1, at(5)), at(5)) instanceof CanaryDecision.Promote);
    }

    @Test
    public void checksThatPassEarlyStillWaitForTheEndOfThePause() {
        List<MetricCheck> checks = List.of(new MetricCheck("error-rate", Threshold.atMost(0.01), 1, 0, 0, 4));
        CanaryPlan plan = plan(checks, timed(10, 10), timed(100, 1));
        StepProgress p = measured(StepProgress.begin(0, at(0)), at(1), checks, 0.0);
        assertEquals(new CanaryDecision.WaitUntil(at(10)), CanaryPlanner.decide(plan, p, at(1)));
    }

    @Test
    public void aCountBeyondThePauseExtendsTheStep() {
        List<MetricCheck> checks = List.of(new MetricCheck("error-rate", Threshold.atMost(0.01), 3, 0, 0, 4));
        CanaryPlan plan = plan(checks, timed(10, 1), timed(100, 1));
        StepProgress p = measured(StepProgress.begin(0, at(0)), at(1), checks, 0.0);
        assertEquals(new CanaryDecision.WaitUntil(at(2)), CanaryPlanner.decide(plan, p, at(1)));
        p = measured(measured(p, at(2), checks, 0.0), at(3), checks, 0.0);
        assertEquals(new CanaryDecision.Advance(1, 100), CanaryPlanner.decide(plan, p, at(3)));
    }

    @Test
    public void aManualStepRunsItsAnalysisThenPauses() {
        List<MetricCheck> checks = List.of(ERROR_RATE);
        CanaryPlan plan = plan(checks, new CanaryStep(50, new Pause.Manual()), timed(100, 1));
        StepProgress p = StepProgress.begin(0, at(0));
        assertEquals(new CanaryDecision.WaitUntil(at(1)), CanaryPlanner.decide(plan, p, at(0)));
        p = measured(p, at(1), checks, 0.0);
        assertEquals(new CanaryDecision.Pause("manual pause at weight 50 (error-rate <= 0.01 in 1 of 1 measurements)"),
                CanaryPlanner.decide(plan, p, at(1)));
    }

    @Test
    public void aManualStepWithoutChecksPausesAtOnce() {
        CanaryPlan plan = plan(List.of(), new CanaryStep(50, new Pause.Manual()), timed(100, 1));
        assertEquals(new CanaryDecision.Pause("manual pause at weight 50 (no checks)"),
                CanaryPlanner.decide(plan, StepProgress.begin(0, at(0)), at(0)));
    }

    @Test
    public void aLastStepBelowAHundredStillPromotes() {
        CanaryPlan plan = plan(List.of(), timed(10, 0), timed(50, 0));
        assertTrue(CanaryPlanner.decide(plan, StepProgress.begin(1, at(0)), at(0)) instanceof CanaryDecision.Promote);
    }

    @Test
    public void measurementsFromAnEarlierStepDoNotCount() {
        List<MetricCheck> checks = List.of(ERROR_RATE);
        CanaryPlan plan = plan(checks, timed(10, 1), timed(25, 1), timed(100, 1));
        StepProgress first = measured(StepProgress.begin(0, at(0)), at(1), checks, 0.0);
        assertEquals(new CanaryDecision.Advance(1, 25), CanaryPlanner.decide(plan, first, at(1)));
        StepProgress second = StepProgress.begin(1, at(1));
        assertEquals(new CanaryDecision.WaitUntil(at(2)), CanaryPlanner.decide(plan, second, at(1)));
    }
}
