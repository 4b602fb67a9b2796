package io.jenkins.plugins.kubedelivery.jenkins.support;

import hudson.AbortException;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * How one step run ended, whether it was refused at {@code start} (parameter conversion) or
 * failed or succeeded in its execution: the result, or the one-line failure message the build
 * log would show.
 */
public record StepOutcome(Object result, String failure) {
    private static final Duration WAIT = Duration.ofSeconds(30);

    public static StepOutcome run(Step step, StepFixture fixture) throws Exception {
        TestStepContext context = fixture.context();
        StepExecution execution;
        try {
            execution = step.start(context);
        } catch (AbortException refusedAtStart) {
            return new StepOutcome(null, refusedAtStart.getMessage());
        }
        if (execution.start() || !context.await(WAIT)) {
            throw new AssertionError("the step did not complete within " + WAIT + ": " + fixture.launcher);
        }
        Throwable failure = context.failure();
        return new StepOutcome(context.result(), failure == null ? null : failure.getMessage());
    }

    /** Whether the step was refused with a message naming {@code parameter}, as in {@code deployService: timeout: ...}. */
    public boolean refused(String stepName, String parameter) {
        return failure != null && failure.startsWith(stepName + ": " + parameter + ": ");
    }
}
