package io.jenkins.plugins.kubedelivery.engine.deploy;

import java.time.Duration;
import java.util.List;

/**
 * What a release's change must deal with first, beside the release itself: the canary package's
 * leftover canaries. Kept as these two methods so that the deploy use cases need not know canaries,
 * and the canary's own releases (installed and promoted through {@link DeployService}) pass {@link #NONE}.
 */
public interface ReleaseGuard {
    /** Nothing stands beside the release. */
    ReleaseGuard NONE = new ReleaseGuard() {
        @Override
        public List<String> releasesBeside(String release) {
            return List.of();
        }

        @Override
        public void beforeChange(String release, String namespace, ReleaseRecords records, Duration timeout, Change change) {}
    };

    /**
     * The change about to be made: a deploy is refused while what stands beside it still runs; a
     * rollback (the emergency path) clears it.
     */
    enum Change { DEPLOY, ROLLBACK }

    /** The releases this guard looks at beside {@code release}, whose records are read with the release's own. */
    List<String> releasesBeside(String release);

    /**
     * Called inside the release's lock, once the change is checked and before its first write.
     *
     * @param records helm's records of the release and of {@link #releasesBeside} it, read just before
     * @param timeout how long helm may take for what this removes
     * @throws io.jenkins.plugins.kubedelivery.engine.EngineException when the change must not go ahead
     */
    void beforeChange(String release, String namespace, ReleaseRecords records, Duration timeout, Change change)
            throws InterruptedException;
}
