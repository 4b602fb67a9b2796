package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Releases left in {@code pending-install}, {@code pending-upgrade} or {@code pending-rollback} by
 * a helm process that never finished (an agent killed mid-deploy, an aborted build). Helm refuses
 * every later upgrade of such a release, so it is reported with its age and the exact recovery,
 * or recovered: rolled back to the last deployed revision, or uninstalled if none was ever deployed.
 */
public final class StuckReleases {
    private final HelmClient helm;
    private final EngineLog log;
    private final Clock clock;

    public StuckReleases(HelmClient helm, EngineLog log, Clock clock) {
        this.helm = helm;
        this.log = log;
        this.clock = clock;
    }

    /** @return the pending revision, if the release is stuck */
    public static Optional<ReleaseRevision> pending(ReleaseHistory history) {
        return history.latest().filter(r -> r.status().isPending());
    }

    /**
     * Fails with the recovery when the release is stuck and {@code recover} is off; recovers when on.
     *
     * @return the history to go on with (read again after a recovery)
     */
    ReleaseHistory ensureNotStuck(RecoveryAdvice advice, ReleaseHistory history, boolean recover, Duration timeout)
            throws InterruptedException {
        String release = advice.release();
        String namespace = advice.namespace();
        Optional<ReleaseRevision> stuck = pending(history);
        if (stuck.isEmpty()) {
            return history;
        }
        Optional<ReleaseRevision> target = recoveryTarget(history);
        String state = state(release, namespace, stuck.get());
        if (!recover) {
            throw refusal(state, advice, target);
        }
        log.line(state + "; recovering: " + describe(target));
        recover(release, namespace, target, timeout);
        return ReleaseHistory.read(helm, release, namespace);
    }

    /**
     * A dry run recovers nothing, since it changes nothing, and helm simulates no upgrade of a
     * pending release: it fails as the deploy without {@code recover} would, and with it says
     * what the deploy would do first.
     */
    public void refuseDryRun(RecoveryAdvice advice, ReleaseHistory history, boolean recover) {
        Optional<ReleaseRevision> stuck = pending(history);
        if (stuck.isEmpty()) {
            return;
        }
        Optional<ReleaseRevision> target = recoveryTarget(history);
        String state = state(advice.release(), advice.namespace(), stuck.get());
        if (!recover) {
            throw refusal(state, advice, target);
        }
        throw new EngineException(state + ". The deploy would first " + describe(target) + " (recoverStuckRelease: true);"
                + " a dry run changes nothing, and helm simulates no upgrade of a pending release, so nothing can be shown"
                + " until the release is recovered");
    }

    private String state(String release, String namespace, ReleaseRevision pending) {
        return "release '" + release + "' in namespace '" + namespace + "' is stuck in " + pending.status().helmName()
                + " (revision " + pending.revision() + age(pending.updated()) + "): a helm process ended before finishing,"
                + " as when an agent is killed mid-deploy";
    }

    /** What the deploy (and its dry run) says of a stuck release: the state, then two ways out that work as written. */
    private static EngineException refusal(String state, RecoveryAdvice advice, Optional<ReleaseRevision> target) {
        return new EngineException(state + ". Set recoverStuckRelease: true to " + describe(target) + " and carry on,"
                + " or run: " + target.map(r -> advice.rollbackTo(r.revision())).orElse(advice.uninstall()));
    }

    /** Returns a pending release to a safe state: the last deployed revision, or nothing. */
    public void recover(String release, String namespace, Optional<ReleaseRevision> target, Duration timeout)
            throws InterruptedException {
        if (target.isPresent()) {
            helm.rollback(release, namespace, target.get().revision(), timeout, true);
        } else {
            helm.uninstall(release, namespace, timeout);
        }
    }

    /** The last revision that was serving: what recovery returns to; empty for a never-deployed release. */
    public static Optional<ReleaseRevision> recoveryTarget(ReleaseHistory history) {
        return history.lastGoodBeforeLatest();
    }

    private static String describe(Optional<ReleaseRevision> target) {
        return target.map(r -> "roll back to revision " + r.revision())
                .orElse("uninstall the never-deployed release");
    }

    private String age(Instant since) {
        if (since == null) {
            return "";
        }
        Duration age = Duration.between(since, clock.instant());
        return ", since " + since + ", " + Durations.human(age.isNegative() ? Duration.ZERO : age) + " ago";
    }
}
