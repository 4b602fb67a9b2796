package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmCommands.UpgradeOptions;
import io.jenkins.plugins.kubedelivery.engine.model.DeployResult;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code dryRun: true}: renders the chart client-side with the same values and shows what would
 * change against the manifest of the revision now deployed. Reads the cluster, changes nothing.
 */
final class DryRun {
    private final HelmClient helm;
    private final EngineLog log;
    private final Clock clock;

    DryRun(HelmClient helm, EngineLog log, Clock clock) {
        this.helm = helm;
        this.log = log;
        this.clock = clock;
    }

    DeployResult show(DeployPlan plan, UpgradeOptions options, ReleaseHistory history, String helmVersion, long elapsedBefore)
            throws InterruptedException {
        long started = clock.millis();
        String rendered = helm.template(options);
        Optional<ReleaseRevision> deployed = history.deployed();
        String current = deployed.isPresent() ? helm.manifest(plan.release(), plan.namespace()) : "";
        StuckReleases.pending(history).ifPresent(p -> log.line("Note: the release is stuck in " + p.status().helmName()
                + "; a real deploy needs recoverStuckRelease: true"));
        String diff = ManifestDiff.between(current, rendered, plan.namespace());
        log.line("Dry run: what deploying " + plan.release() + " to " + plan.namespace() + " would change"
                + deployed.map(r -> " against revision " + r.revision()).orElse(" (first install)") + ":");
        diff.lines().forEach(log::line);
        Integer previous = deployed.map(ReleaseRevision::revision).orElse(null);
        return new DeployResult(plan.release(), plan.namespace(), plan.chartLabel(), plan.chartVersion(), null,
                previous == null ? 0 : previous, previous, "dry-run", helmVersion,
                elapsedBefore + clock.millis() - started, diff);
    }
}
