package io.jenkins.plugins.kubedelivery.jenkins;

import java.io.Serializable;

/**
 * What one step asks of {@link DeliveryStepExecution}: the engine call with its converted request,
 * what the build log calls the target, what a stop waits for, and what happens after a controller
 * restart. A step builds it in {@code start()}, after every parameter was converted and checked.
 *
 * <p>It is written with the execution at every Pipeline checkpoint, so it keeps only what resume
 * needs: a resumable call keeps its whole request (which must hold no secret); the others keep
 * their request {@code transient} (a deploy's holds secret values) and fail on resume with advice.
 */
public interface StepCall extends Serializable {
    /**
     * How the step reaches its cluster (credential ids and names only), or {@code null} for a call
     * that needs none (changedServices): then no credential is read and no kubeconfig written.
     */
    ClusterAccess clusterAccess();

    /**
     * What the call becomes once the workspace can be read and before the cluster is opened, on the
     * worker thread: by default itself. The release steps take here what {@code delivery.yaml} says
     * for the parameters they were not given, cluster access included.
     */
    default StepCall resolved(EngineSession session) throws Exception {
        return this;
    }

    /** Runs on a worker thread with the engine's ports open; returns what the Pipeline receives. */
    Object run(EngineSession session) throws Exception;

    /** The target as the build log and the advice name it, e.g. {@code payments in environment stage}. */
    String target();

    /** For the build log while a stop waits: "the running command to end". */
    default String stopWaitsFor() {
        return "the running command to end";
    }

    /**
     * Whether {@link #run} may simply run again after a controller restart cut it off: true only for
     * calls that re-read the cluster and whose writes carry preconditions, so a second run carries on
     * where the first stopped or changes nothing.
     */
    default boolean resumable() {
        return false;
    }

    /**
     * For a call that is not {@link #resumable}: what to check and do after the restart cut it off,
     * one or two sentences. Every call that is not resumable overrides it with its own target's advice.
     */
    default String resumeAdvice() {
        return "Check what it changed and run it again.";
    }
}
