package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.UseCase;
import io.jenkins.plugins.kubedelivery.engine.cli.BackgroundRead;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.DurationBounds;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import io.jenkins.plugins.kubedelivery.engine.monorepo.EnvironmentDefinition;
import io.jenkins.plugins.kubedelivery.engine.monorepo.ServiceDefinition;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;
import java.time.Duration;

/**
 * The rollbackService use case: read helm's records, then one {@code helm rollback}. Nothing else
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
            // One read of helm's records (the release's and its canary's) serves the target and the canary
            // look. A rollback is the emergency path, so the canary ends first even if the revision asked for
            // then proves not to exist.
            BeforeChange beforeChange = new BeforeChange(guard, helm,
                    new KubectlClient(ports.runner(), ports.kubectl(), cluster), release, namespace);
            ReleaseHistory history = beforeChange.clear(beforeChange.read(), timeout, ReleaseGuard.Change.ROLLBACK);
            RollbackTarget target = RollbackTarget.choose(history, request.toRevision(), release, namespace);
            ReleaseRevision from = target.from();
            ReleaseRevision to = target.to();
            log.line("Rolling back " + release + " in " + namespace + " from revision " + from.revision() + " to revision "
                    + to.revision());
            // the records hold no chart: helm names the target's while the rollback runs, for the last line
            BackgroundRead<ReleaseRevision> named = to.chart() != null ? BackgroundRead.answered(to)
                    : BackgroundRead.start("kube-delivery-helm-history",
                            () -> ReleaseHistory.read(helm, release, namespace).find(to.revision()).orElse(to));
            try {
                helm.rollback(release, namespace, to.revision(), timeout, request.waitForReady());
                long duration = ports.clock().millis() - started;
                int revision = history.nextRevision();
                log.line("Rolled back " + release + " to revision " + to.revision() + describe(named) + " as revision " + revision
                        + " in " + Durations.human(Duration.ofMillis(duration)));
                return new RollbackResult(release, namespace, from.revision(), to.revision(), revision, duration);
            } finally {
                named.stop();
            }
        }
    }

    /** " (payments-1.4.0, app 1.4.0)", or nothing when helm could not name the chart. */
    private static String describe(BackgroundRead<ReleaseRevision> named) throws InterruptedException {
        try {
            ReleaseRevision revision = named.get();
            return revision.chart() == null ? "" : " (" + revision.chart() + ", app " + revision.appVersion() + ")";
        } catch (EngineException unnamed) {
            return ""; // the rollback is done; only its description is missing
        }
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
