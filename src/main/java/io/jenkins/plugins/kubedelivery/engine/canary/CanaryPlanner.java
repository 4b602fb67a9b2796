package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.analysis.AnalysisAssessor;
import io.jenkins.plugins.kubedelivery.engine.analysis.AnalysisPhase;
import io.jenkins.plugins.kubedelivery.engine.analysis.Assessment;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides a canary's next move from its plan, its progress and the time: a pure function, so every
 * tick can be tested without a cluster (Flagger's scheduler, without its side effects). The order
 * of the rules is the safety argument:
 * <ol>
 * <li>a failed or errored check aborts at once, without waiting for the pause to end;
 * <li>an inconclusive check pauses for a person, never passes;
 * <li>measurements that are due are taken;
 * <li>a step ends when its pause is over and every check has passed: then a manual step pauses,
 *     the last step promotes, any other advances;
 * <li>otherwise wait for the next measurement, or, once every check has passed, the end of the pause.
 * </ol>
 * Measurements of a step are due one interval after its weight was set, then every interval: the
 * first one sees traffic at the new weight.
 */
public final class CanaryPlanner {
    private CanaryPlanner() {}

    public static CanaryDecision decide(CanaryPlan plan, StepProgress progress, Instant now) {
        CanaryStep step = plan.step(progress.stepIndex());
        List<Assessment> assessments = assess(plan, progress);
        for (Assessment a : assessments) {
            if (a.phase() == AnalysisPhase.FAILED || a.phase() == AnalysisPhase.ERROR) {
                return new CanaryDecision.Abort(a.message() + " at weight " + step.weight());
            }
        }
        for (Assessment a : assessments) {
            if (a.phase() == AnalysisPhase.INCONCLUSIVE) {
                return new CanaryDecision.Pause(a.message() + " at weight " + step.weight()
                        + "; decide whether to promote or abort");
            }
        }
        List<MetricCheck> running = running(plan, assessments);
        if (!running.isEmpty()) {
            // The step cannot end before its checks have passed, so the next event is a measurement.
            Instant nextMeasurement = nextMeasurementAt(plan, progress);
            return now.isBefore(nextMeasurement) ? new CanaryDecision.WaitUntil(nextMeasurement) : new CanaryDecision.Measure(running);
        }
        Instant pauseEnd = pauseEnd(step, progress);
        return now.isBefore(pauseEnd) ? new CanaryDecision.WaitUntil(pauseEnd) : stepDone(plan, progress.stepIndex(), assessments);
    }

    private static CanaryDecision stepDone(CanaryPlan plan, int index, List<Assessment> assessments) {
        CanaryStep step = plan.step(index);
        String passed = assessments.isEmpty() ? "no checks" : assessments.stream().map(Assessment::message)
                .collect(Collectors.joining("; "));
        if (step.pause() instanceof Pause.Manual) {
            return new CanaryDecision.Pause("manual pause at weight " + step.weight() + " (" + passed + ")");
        }
        if (plan.isLast(index)) {
            return new CanaryDecision.Promote("all " + plan.steps().size() + " steps passed, last at weight "
                    + step.weight() + " (" + passed + ")");
        }
        return new CanaryDecision.Advance(index + 1, plan.step(index + 1).weight());
    }

    private static List<Assessment> assess(CanaryPlan plan, StepProgress progress) {
        List<Assessment> assessments = new ArrayList<>();
        for (MetricCheck check : plan.checks()) {
            assessments.add(AnalysisAssessor.assess(check, progress.of(check.name()),
                    plan.expectedMeasurements(check, progress.stepIndex())));
        }
        return assessments;
    }

    private static List<MetricCheck> running(CanaryPlan plan, List<Assessment> assessments) {
        List<MetricCheck> running = new ArrayList<>();
        for (int i = 0; i < assessments.size(); i++) {
            if (assessments.get(i).phase() == AnalysisPhase.RUNNING) {
                running.add(plan.checks().get(i));
            }
        }
        return running;
    }

    /** One interval after the weight was set, then one interval after each round. */
    private static Instant nextMeasurementAt(CanaryPlan plan, StepProgress progress) {
        int rounds = progress.measurements().values().stream().mapToInt(List::size).max().orElse(0);
        return progress.weightSetAt().plus(plan.interval().multipliedBy(rounds + 1L));
    }

    /** A manual pause has no end of its own: the step waits only for its analysis. */
    private static Instant pauseEnd(CanaryStep step, StepProgress progress) {
        return step.pause() instanceof Pause.Timed timed ? progress.weightSetAt().plus(timed.duration()) : progress.weightSetAt();
    }
}
