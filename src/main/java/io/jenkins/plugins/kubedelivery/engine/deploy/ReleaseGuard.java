package io.jenkins.plugins.kubedelivery.engine.deploy;

import java.time.Duration;

/**
 * What a release's change must deal with first, beside the release itself: the canary package's
 * leftover canaries. Kept as this one method so that the deploy use cases need not know canaries,
 * and the canary's own releases (installed and promoted through {@link DeployService}) pass {@link #NONE}.
 */
public interface ReleaseGuard {
    /** Nothing stands beside the release. */
    ReleaseGuard NONE = (release, namespace, timeout, change) -> {};

    /**
     * The change about to be made: a deploy is refused while what stands beside it still runs; a
     * rollback (the emergency path) clears it.
     */
    enum Change { DEPLOY, ROLLBACK }

    /**
     * Called inside the release's lock, once the change is checked and before its first write.
     *
     * @param timeout how long helm may take for what this removes
     * @throws io.jenkins.plugins.kubedelivery.engine.EngineException when the change must not go ahead
     */
    void beforeChange(String release, String namespace, Duration timeout, Change change) throws InterruptedException;
}
