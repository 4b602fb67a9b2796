package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.cli.ToolFailedException;

/**
 * helm refused an upgrade because the release's latest revision is pending: another helm is at
 * work on it, or one died mid-way (a stuck release). helm checks this itself, in the same call
 * that would change the release, and changes nothing when it refuses; the deploy then decides
 * from the release history whether to recover or explain.
 */
final class ReleasePendingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** What helm 3 and 4 both say (their errPending) when the latest revision is pending. */
    private static final String HELM_REFUSES_PENDING = "another operation (install/upgrade/rollback) is in progress";

    private final ToolFailedException failure;

    ReleasePendingException(ToolFailedException failure) {
        super(failure.getMessage(), failure);
        this.failure = failure;
    }

    static boolean refusedAsPending(ToolFailedException failure) {
        return failure.output().contains(HELM_REFUSES_PENDING);
    }

    /** helm's own failure, as it said it. */
    ToolFailedException failure() {
        return failure;
    }
}
