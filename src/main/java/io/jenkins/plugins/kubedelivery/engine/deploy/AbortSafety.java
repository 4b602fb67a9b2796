package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import java.time.Clock;
import java.time.Duration;

/**
 * After an abort (or a timeout) killed helm mid-upgrade, returns the release to a safe state so the next deploy is
 * not blocked: a release left pending is rolled back to its last deployed revision (or a never
 * deployed one uninstalled). Runs with the interrupt flag cleared, then restores it.
 */
public final class AbortSafety {
    /** Long enough for a rollback, short enough that an aborted build does not hang. */
    static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(2);
    /**
     * The longest a restore can take: reading the history, then helm's rollback (or uninstall) with
     * its timeout and the grace the client gives it. Whoever stops a deploy waits this long for it
     * before removing the kubeconfig the restore needs.
     */
    public static final Duration RESTORE_BOUND = HelmClient.READ_TIMEOUT.plus(RESTORE_TIMEOUT).plus(HelmClient.GRACE);

    private final HelmClient helm;
    private final EngineLog log;

    AbortSafety(HelmClient helm, EngineLog log) {
        this.helm = helm;
        this.log = log;
    }

    void restore(String release, String namespace) {
        boolean interrupted = Thread.interrupted();
        try {
            ReleaseHistory history = ReleaseHistory.read(helm, release, namespace);
            if (StuckReleases.pending(history).isEmpty()) {
                log.line("Release " + release + " is not pending after the interruption, nothing to restore");
                return;
            }
            log.line("helm was stopped mid-upgrade: returning release " + release + " to a safe state");
            new StuckReleases(helm, log, Clock.systemUTC())
                    .recover(release, namespace, StuckReleases.recoveryTarget(history), RESTORE_TIMEOUT);
            log.line("Release " + release + " restored after the interruption");
        } catch (EngineException | InterruptedException e) {
            log.line("Could not restore release " + release + " after the interruption (" + e.getMessage()
                    + "); the next deploy reports it, and recoverStuckRelease: true recovers it");
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
