package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.io.Serializable;
import java.time.Duration;

/**
 * What {@code rollbackService} was asked to do: names and numbers only, so it may be kept with a build.
 *
 * @param namespace the namespace, or {@code null} for the environment's
 * @param release the release, or {@code null} for the service's
 * @param toRevision the revision to return to, or {@code 0} for the previous deployed one
 */
public record RollbackRequest(String service, String environment, String namespace, String release,
        int toRevision, Duration timeout, boolean waitForReady) implements Serializable {

    /** The one check of {@code toRevision}, so every caller meets it before any command. */
    public RollbackRequest {
        if (toRevision < 0) {
            throw new ValidationException("toRevision", toRevision + " is not a revision; give 0 (or leave it out) for"
                    + " the previous deployed revision, or a revision number from helm history");
        }
    }
}
