package io.jenkins.plugins.kubedelivery.engine.canary;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.Threshold;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

public class CanaryPlanTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static List<CanaryStep> weights(int... weights) {
        return java.util.Arrays.stream(weights).mapToObj(w -> new CanaryStep(w, new Pause.Timed(Duration.ofMinutes(5)))).toList();
    }

    private static String refusal(List<CanaryStep> steps, Duration interval, List<MetricCheck> checks, long minRequests) {
        return assertThrows(ValidationException.class, () -> new CanaryPlan(steps, interval, checks, minRequests)).getMessage();
    }

    @Test
    public void weightsMustBePercentagesThatGrow() {
        assertEquals("steps: needs at least one weight, for example [10, 25, 50, 100]", refusal(List.of(), MINUTE, List.of(), 0));
        assertEquals("steps[0]: weight 0 is not a percentage from 1 to 100", refusal(weights(0, 50), MINUTE, List.of(), 0));
        assertEquals("steps[1]: weight 101 is not a percentage from 1 to 100", refusal(weights(50, 101), MINUTE, List.of(), 0));
        assertEquals("steps[2]: weight 25 does not grow from the step before (25); weights must strictly increase, for example"
                + " [10, 25, 50, 100]", refusal(weights(10, 25, 25), MINUTE, List.of(), 0));
    }

    @Test
    public void intervalChecksAndMinRequestsAreChecked() {
        assertEquals("interval: must be longer than zero, e.g. 1m", refusal(weights(100), Duration.ZERO, List.of(), 0));
        MetricCheck check = new MetricCheck("error-rate", Threshold.atMost(0.01), null, 0, 0, 4);
        assertEquals("analysis: two checks are named 'error-rate'; give each its own name",
                refusal(weights(100), MINUTE, List.of(check, check), 0));
        assertEquals("minRequests: must be 0 or more, not -1", refusal(weights(100), MINUTE, List.of(), -1));
    }

    @Test
    public void measurementsPerStepFollowThePauseUnlessACountIsGiven() {
        MetricCheck derived = new MetricCheck("a", Threshold.atMost(1), null, 0, 0, 4);
        MetricCheck counted = new MetricCheck("b", Threshold.atMost(1), 7, 0, 0, 4);
        CanaryPlan plan = new CanaryPlan(List.of(new CanaryStep(10, new Pause.Timed(Duration.ofMinutes(5))),
                new CanaryStep(50, new Pause.Timed(Duration.ofSeconds(20))), new CanaryStep(80, new Pause.Manual()),
                new CanaryStep(100, Pause.NONE)), MINUTE, List.of(derived, counted), 0);
        assertEquals(5, plan.expectedMeasurements(derived, 0));
        assertEquals("a pause shorter than the interval still measures once", 1, plan.expectedMeasurements(derived, 1));
        assertEquals(1, plan.expectedMeasurements(derived, 2));
        assertEquals(1, plan.expectedMeasurements(derived, 3));
        assertEquals(7, plan.expectedMeasurements(counted, 0));
    }
}
