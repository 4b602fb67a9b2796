package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.UseCase;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.BackgroundRead;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.DurationBounds;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import io.jenkins.plugins.kubedelivery.engine.monorepo.EnvironmentDefinition;
import io.jenkins.plugins.kubedelivery.engine.monorepo.ServiceDefinition;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;
import java.time.Duration;

/**
 * The rollbackService use case: read the history, then one {@code helm rollback}. Nothing else
 * stands between the decision and the rollback: this is the one-to-two-minute path teams rely on.
 */
public final class RollbackService implements UseCase<RollbackRequest, RollbackResult> {
    private final EnginePorts ports;
    private final EngineLog log;
    private final ClusterTarget cluster;
    private final String owner;
    private final ReleaseGuard guard;

    /** @param owner who rolls back, for the waiting message of a concurrent deploy */
    public RollbackService(EnginePorts ports, ClusterTarget cluster, String owner) {
        this(ports, cluster, owner, ReleaseGuard.NONE);
    }

    /** @param guard what is cleared beside the release before the rollback (the step's canary, fast-tracked) */
    public RollbackService(EnginePorts ports, ClusterTarget cluster, String owner, ReleaseGuard guard) {
        this.ports = ports;
        this.log = ports.log();
        this.cluster = cluster;
        this.owner = owner;
        this.guard = guard;
    }

    /** @throws EngineException with a one-line reason on failure */
    @Override
    public RollbackResult run(RollbackRequest request) throws InterruptedException {
        long started = ports.clock().millis();
        String service = NameRules.requireDnsLabel("service", request.service());
        String environment = NameRules.requireDnsLabel("environment", request.environment());
        String namespace = NameRules.requireDnsLabel("namespace", blankTo(request.namespace(),
                EnvironmentDefinition.byConvention(environment).namespace()));
        String release = NameRules.requireReleaseName("release", blankTo(request.release(),
                ServiceDefinition.byConvention(service).release()));
        Duration timeout = DurationBounds.TIMEOUT.require("timeout", request.timeout() == null ? DeployRequest.DEFAULT_TIMEOUT : request.timeout());
        try (ReleaseLocks.Lease lease = ReleaseLocks.shared().acquire(cluster, namespace, release, owner, log)) {
            HelmClient helm = new HelmClient(ports.runner(), ports.helm(), cluster);
            // The history is read while whatever stands beside the release (a canary) is cleared: a rollback is
            // the emergency path, so the canary ends first even if the revision asked for then proves not to exist.
            BackgroundRead<ReleaseHistory> reading = BackgroundRead.start("kube-delivery-helm-history",
                    () -> new ReleaseHistory(helm.history(release, namespace, ReleaseHistory.WINDOW)));
            ReleaseHistory history;
            try {
                guard.beforeChange(release, namespace, timeout, ReleaseGuard.Change.ROLLBACK);
                history = reading.get();
            } finally {
                reading.stop();
            }
            RollbackTarget target = RollbackTarget.choose(history, request.toRevision(), release, namespace);
            ReleaseRevision from = target.from();
            ReleaseRevision to = target.to();
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

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
