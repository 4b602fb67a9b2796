package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.model.DurationBounds;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;
import io.jenkins.plugins.kubedelivery.engine.model.RollbackRequest;
import io.jenkins.plugins.kubedelivery.engine.model.RollbackResult;
import java.time.Duration;

/**
 * The rollbackService use case: read the history, then one {@code helm rollback}. Nothing else
 * stands between the decision and the rollback: this is the one-to-two-minute path teams rely on.
 */
public final class RollbackService {
    private final EnginePorts ports;
    private final EngineLog log;

    public RollbackService(EnginePorts ports) {
        this.ports = ports;
        this.log = ports.log();
    }

    /**
     * @param owner who rolls back, for the waiting message of a concurrent deploy
     * @throws EngineException with a one-line reason on failure
     */
    public RollbackResult rollback(RollbackRequest request, ClusterTarget cluster, String owner) throws InterruptedException {
        long started = ports.clock().millis();
        String service = NameRules.requireDnsLabel("service", request.service());
        String environment = NameRules.requireDnsLabel("environment", request.environment());
        String namespace = NameRules.requireDnsLabel("namespace", blankTo(request.namespace(), environment));
        String release = NameRules.requireReleaseName("release", blankTo(request.release(), service));
        Duration timeout = DurationBounds.TIMEOUT.require("timeout", request.timeout() == null ? DeployRequest.DEFAULT_TIMEOUT : request.timeout());
        try (ReleaseLocks.Lease lease = ReleaseLocks.shared().acquire(cluster, namespace, release, owner, log)) {
            HelmClient helm = new HelmClient(ports.runner(), ports.helm(), cluster);
            ReleaseHistory history = new ReleaseHistory(helm.history(release, namespace, ReleaseHistory.WINDOW));
            // the latest revision is what is left, even when it failed or is pending: the deployed one before it is "previous"
            ReleaseRevision from = history.latest().orElseThrow(() -> new EngineException(
                    "release '" + release + "' does not exist in namespace '" + namespace + "': nothing to roll back"));
            ReleaseRevision to = target(history, from, request.toRevision(), release);
            log.line("Rolling back " + release + " in " + namespace + " from revision " + from.revision() + " to revision "
                    + to.revision() + " (" + to.chart() + ", app " + to.appVersion() + ")");
            helm.rollback(release, namespace, to.revision(), timeout, request.waitForReady());
            long duration = ports.clock().millis() - started;
            int revision = history.nextRevision();
            log.line("Rolled back " + release + " to revision " + to.revision() + " as revision " + revision + " in "
                    + Durations.human(Duration.ofMillis(duration)));
            return new RollbackResult(release, namespace, from.revision(), to.revision(), revision, duration);
        }
    }

    private static ReleaseRevision target(ReleaseHistory history, ReleaseRevision from, int toRevision, String release) {
        if (toRevision > 0) {
            ReleaseRevision asked = history.find(toRevision).orElseThrow(() -> new ValidationException("toRevision",
                    "revision " + toRevision + " is not in the history of '" + release + "' (revisions "
                            + history.revisions().get(0).revision() + " to " + history.latest().orElseThrow().revision() + ")"));
            if (asked.revision() == from.revision()) {
                throw new ValidationException("toRevision", "revision " + toRevision + " is the latest (" + from.status().helmName()
                        + "), the one a rollback leaves; name an earlier one");
            }
            return asked;
        }
        return history.lastGoodBeforeLatest().orElseThrow(() -> new EngineException("release '" + release
                + "' has no successful revision before revision " + from.revision() + " to return to"));
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
