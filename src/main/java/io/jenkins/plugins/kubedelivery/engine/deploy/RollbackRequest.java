package io.jenkins.plugins.kubedelivery.engine.deploy;

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
        int toRevision, Duration timeout, boolean waitForReady) implements Serializable {}
