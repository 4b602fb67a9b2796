package io.jenkins.plugins.kubedelivery.jenkins;

import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.engine.SecretMask;
import java.time.Duration;
import java.util.concurrent.Future;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A long step whose work runs on the plugin's own threads, never on the CPS VM thread.
 *
 * <ul>
 * <li>{@link #stop} interrupts the worker: the running command is killed, the engine leaves the
 *     release in a safe state, and the step then fails with the stop cause (at the latest after
 *     {@link #STOP_GRACE}, should the clean-up hang).
 * <li>{@link #onResume} fails the step with advice: a controller restart cut the worker off, and
 *     the release may need a look. (A {@code SynchronousNonBlockingStepExecution} would fail too,
 *     but with no advice.)
 * </ul>
 * Only the step name and the subclass's parameters are serialized; the worker is transient.
 */
public abstract class BackgroundStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final String stepName;
    private transient volatile Future<?> worker;
    private transient volatile Throwable stopCause;
    private transient volatile boolean workerStarted;
    private transient volatile boolean completed;
    private transient SecretMask secretMask;

    protected BackgroundStepExecution(StepContext context, String stepName) {
        super(context);
        this.stepName = stepName;
        this.secretMask = new SecretMask();
    }

    /** Runs on a worker thread; its result is what the Pipeline receives. */
    protected abstract Object work() throws Exception;

    /** What to do after a controller restart interrupted the step; one or two sentences. */
    protected abstract String resumeAdvice();

    protected final String stepName() {
        return stepName;
    }

    /**
     * The execution's one masking filter: secrets it reads are registered here, and its tool output,
     * log lines, failure message and result pass through it. Transient: after a restart the step
     * fails at once ({@link #onResume}), so no secret is ever needed, or stored, across one.
     */
    protected final SecretMask secretMask() {
        return secretMask;
    }

    @Override
    public final boolean start() {
        worker = StepWorkers.submit(this::runWork);
        return false;
    }

    private void runWork() {
        workerStarted = true;
        if (stopCause != null) {
            complete(null, stopCause);
            return;
        }
        try {
            Object result = secretMask.applyDeep(work());
            complete(result, stopCause);
        } catch (Throwable failure) {
            Throwable cause = stopCause;
            complete(null, cause != null ? cause : StepErrors.toAbort(stepName, failure, secretMask));
        }
    }

    @Override
    public void stop(Throwable cause) {
        stopCause = cause;
        Future<?> running = worker;
        if (running == null || !running.cancel(true) || !workerStarted) {
            complete(null, cause); // no worker is cleaning up, so nothing else will complete the step
            return;
        }
        StepWorkers.schedule(() -> complete(null, cause), STOP_GRACE);
    }

    @Override
    public void onResume() {
        complete(null, new AbortException(stepName + ": the Jenkins controller restarted while this step was running,"
                + " which cut off the helm or kubectl command it had started. " + resumeAdvice()));
    }

    @Override
    public String getStatus() {
        if (completed) {
            return "completed";
        }
        return worker == null ? "not running" : stopCause != null ? "stopping" : "running";
    }

    /** Completes the step exactly once, whichever of worker, stop and grace timer comes first. */
    private synchronized void complete(Object result, Throwable failure) {
        if (completed) {
            return;
        }
        completed = true;
        if (failure != null) {
            getContext().onFailure(failure);
        } else {
            getContext().onSuccess(result);
        }
    }
}
