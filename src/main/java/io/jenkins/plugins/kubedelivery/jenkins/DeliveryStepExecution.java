package io.jenkins.plugins.kubedelivery.jenkins;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.kubedelivery.engine.SecretMask;
import io.jenkins.plugins.kubedelivery.engine.deploy.AbortSafety;
import io.jenkins.plugins.kubedelivery.engine.deploy.Durations;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The one execution of every step: the step's {@link StepCall} runs on the plugin's own threads,
 * never on the CPS VM thread.
 *
 * <ul>
 * <li>{@link #stop} interrupts the worker: the running command is killed, the engine leaves the
 *     release in a safe state, the staging directory is removed, and only then does the step fail
 *     with the stop cause. Completing earlier would let {@code container()} close the processes
 *     of the restore and let the kubeconfig it reads go. Should the clean-up hang, the step
 *     completes after {@link #STOP_GRACE}, which outlasts the engine's restore bound. A second
 *     stop does not cut the wait short.
 * <li>{@link #blocksRestart} is true while a helm, kubectl or git command runs, so a safe restart
 *     waits for it, and false between commands (a canary waiting between its steps).
 * <li>{@link #onResume}: a controller restart cut the worker off. A {@linkplain StepCall#resumable
 *     resumable} call runs again from its persisted request; any other fails the step with its advice.
 * </ul>
 * Only the step name and the call are serialized; the worker, the masking filter (secrets) and the
 * count of running commands are transient.
 */
public final class DeliveryStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    static final Duration STOP_GRACE = AbortSafety.RESTORE_BOUND.plus(Duration.ofMinutes(1));

    private final String stepName;
    private final StepCall call;
    private transient volatile Future<?> worker;
    private transient volatile Throwable stopCause;
    private transient volatile boolean workerStarted;
    private transient volatile boolean completed;
    private transient volatile boolean resumed;
    private transient volatile PrintStream log;
    private transient volatile long stopRequestedNanos;
    private transient SecretMask secretMask;
    private transient AtomicInteger runningCommands;

    public DeliveryStepExecution(StepContext context, String stepName, StepCall call) {
        super(context);
        this.stepName = stepName;
        this.call = call;
    }

    @Override
    public boolean start() {
        launch();
        return false;
    }

    /** A fresh masking filter and command count (both transient), then the work on a worker thread. */
    private void launch() {
        secretMask = new SecretMask();
        runningCommands = new AtomicInteger();
        worker = StepWorkers.submit(this::runWork);
    }

    private void runWork() {
        log = buildLog();
        workerStarted = true;
        if (stopCause != null) {
            complete(null, stopCause);
            return;
        }
        if (resumed) {
            say("the Jenkins controller restarted while this step was running; running it again for " + call.target());
        }
        Object result = null;
        Throwable failure = null;
        try (EngineSession session = EngineSession.open(getContext(), secretMask, runningCommands)) {
            StepCall ready = call.resolved(session);
            ClusterAccess access = ready.clusterAccess();
            if (access != null) {
                session.openCluster(access);
            }
            result = secretMask.applyDeep(ready.run(session));
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
            say("already stopping: still waiting for the clean-up (" + sinceStop() + " so far, at most "
                    + Durations.human(STOP_GRACE) + ")");
            return; // a second abort must not cut the restore short
        }
        stopCause = cause;
        stopRequestedNanos = System.nanoTime();
        if (running == null || !running.cancel(true) || !workerStarted) {
            complete(null, cause); // no worker is cleaning up, so nothing else will complete the step
            return;
        }
        say("stopping: the running command is killed; waiting up to " + Durations.human(STOP_GRACE) + " for "
                + call.stopWaitsFor() + ", then the step's private files are removed");
        StepWorkers.schedule(() -> {
            if (!completed) {
                say("gave up waiting for the clean-up after " + Durations.human(STOP_GRACE) + "; what it left half done"
                        + " (a release left pending) is reported by the step's next run");
                complete(null, cause);
            }
        }, STOP_GRACE);
    }

    private String sinceStop() {
        return Durations.human(Duration.ofNanos(System.nanoTime() - stopRequestedNanos));
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
            Thread.currentThread().interrupt(); // stopped already: the call sees it
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // the session reports a missing log itself
        }
    }

    /** True while one of the step's commands runs: a safe restart waits for it, never for a step that only waits. */
    @Override
    public boolean blocksRestart() {
        AtomicInteger running = runningCommands;
        return !completed && running != null && running.get() > 0;
    }

    @Override
    public void onResume() {
        if (call.resumable()) {
            resumed = true;
            launch();
            return;
        }
        complete(null, new AbortException(stepName + ": the Jenkins controller restarted while this step was running,"
                + " which cut off the helm or kubectl command it had started. " + call.resumeAdvice()));
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
