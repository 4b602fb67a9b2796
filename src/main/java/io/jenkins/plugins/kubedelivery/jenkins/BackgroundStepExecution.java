package io.jenkins.plugins.kubedelivery.jenkins;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.kubedelivery.engine.SecretMask;
import io.jenkins.plugins.kubedelivery.engine.deploy.AbortSafety;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Future;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A long step whose work runs on the plugin's own threads, never on the CPS VM thread.
 *
 * <ul>
 * <li>{@link #stop} interrupts the worker: the running command is killed, the engine leaves the
 *     release in a safe state, the staging directory is removed, and only then does the step fail
 *     with the stop cause. Completing earlier would let {@code container()} close the processes
 *     of the restore and let the kubeconfig it reads go. Should the clean-up hang, the step
 *     completes after {@link #STOP_GRACE}, which outlasts the engine's restore bound.
 * <li>{@link #onResume} fails the step with advice: a controller restart cut the worker off, and
 *     the release may need a look. (A {@code SynchronousNonBlockingStepExecution} would fail too,
 *     but with no advice.)
 * </ul>
 * Only the step name and the subclass's parameters are serialized; the worker is transient.
 */
public abstract class BackgroundStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    static final Duration STOP_GRACE = AbortSafety.RESTORE_BOUND.plus(Duration.ofMinutes(1));

    private final String stepName;
    private transient volatile Future<?> worker;
    private transient volatile Throwable stopCause;
    private transient volatile boolean workerStarted;
    private transient volatile boolean completed;
    private transient volatile PrintStream log;
    private transient volatile long stopRequestedNanos;
    private transient SecretMask secretMask;

    protected BackgroundStepExecution(StepContext context, String stepName) {
        super(context);
        this.stepName = stepName;
        this.secretMask = new SecretMask();
    }

    /** Runs on a worker thread; its result is what the Pipeline receives. */
    protected abstract Object work() throws Exception;

    /** What a stop waits for before the step completes, for the build log: "the running command to end". */
    protected String stopWaitsFor() {
        return "the running command to end";
    }

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
        log = buildLog();
        workerStarted = true;
        if (stopCause != null) {
            complete(null, stopCause);
            return;
        }
        Object result = null;
        Throwable failure = null;
        try {
            result = secretMask.applyDeep(work());
        } catch (Throwable e) {
            failure = e;
        }
        Throwable cause = stopCause;
        if (cause != null) {
            say("stopped; the clean-up finished " + sinceStop() + " after the stop");
            complete(null, cause);
        } else {
            complete(result, failure == null ? null : StepErrors.toAbort(stepName, failure, secretMask));
        }
    }

    @Override
    public void stop(Throwable cause) {
        Future<?> running = worker;
        if (stopCause != null && !completed) {
            say("already stopping: still waiting for the clean-up (" + sinceStop() + " so far, at most " + DurationText.format(STOP_GRACE) + ")");
            return; // a second abort must not cut the restore short
        }
        stopCause = cause;
        stopRequestedNanos = System.nanoTime();
        if (running == null || !running.cancel(true) || !workerStarted) {
            complete(null, cause); // no worker is cleaning up, so nothing else will complete the step
            return;
        }
        say("stopping: the running command is killed; waiting up to " + DurationText.format(STOP_GRACE) + " for "
                + stopWaitsFor() + ", then the step's private files are removed");
        StepWorkers.schedule(() -> {
            if (!completed) {
                say("gave up waiting for the clean-up after " + DurationText.format(STOP_GRACE) + "; what it left half done"
                        + " (a release left pending) is reported by the step's next run");
                complete(null, cause);
            }
        }, STOP_GRACE);
    }

    private String sinceStop() {
        return DurationText.format(Duration.ofNanos(System.nanoTime() - stopRequestedNanos));
    }

    /** A line in the build log from this step's machinery (not the engine's); dropped when the log is not open yet. */
    private void say(String line) {
        PrintStream out = log;
        if (out != null) {
            out.println(stepName + ": " + line);
        }
    }

    private PrintStream buildLog() {
        try {
            TaskListener listener = getContext().get(TaskListener.class);
            return listener == null ? null : listener.getLogger();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopped already: work() sees it
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // the session reports a missing log itself
        }
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
