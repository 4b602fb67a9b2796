package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmCommands.UpgradeOptions;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmVersion;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.cli.RenderedRelease;
import io.jenkins.plugins.kubedelivery.engine.cli.ToolFailedException;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code dryRun: true}: helm's server-side dry run of the very upgrade a deploy would run (rendered
 * against the cluster, so {@code lookup} and {@code .Capabilities} answer as they will), compared
 * with the manifest of the revision now deployed. Hooks are listed apart: helm creates them anew
 * on each run and keeps none as release objects. Refused where the deploy would be refused.
 * Changes nothing.
 */
final class DryRun {
    static final String STATUS = "dry-run";

    private final HelmClient helm;
    private final KubectlClient kubectl;
    private final EngineLog log;
    private final Clock clock;

    DryRun(HelmClient helm, KubectlClient kubectl, EngineLog log, Clock clock) {
        this.helm = helm;
        this.kubectl = kubectl;
        this.log = log;
        this.clock = clock;
    }

    DeployResult show(DeployPlan plan, UpgradeOptions options, ReleaseHistory history, HelmVersion version, long elapsedBefore)
            throws InterruptedException {
        long started = clock.millis();
        new StuckReleases(helm, log, clock).refuseDryRun(RecoveryAdvice.of(plan), history, plan.recoverStuckRelease());
        RenderedRelease rendered = render(options, version);
        if (!history.exists() && !plan.createNamespace()) {
            new FirstInstallProbe(kubectl, log).check(plan.release(), plan.namespace());
        }
        Optional<ReleaseRevision> deployed = history.deployed();
        String current = deployed.isPresent() ? helm.manifest(plan.release(), plan.namespace(), deployed.get().revision()) : "";
        String diff = ManifestDiff.between(current, rendered.manifest(), plan.namespace()) + Hooks.describe(rendered.hooks());
        log.line("Dry run: what deploying " + plan.release() + " to " + plan.namespace() + " would change"
                + deployed.map(r -> " against revision " + r.revision()).orElse(" (first install)")
                + ", as revision " + rendered.revision() + ":");
        diff.lines().forEach(log::line);
        Integer previous = deployed.map(ReleaseRevision::revision).orElse(null);
        return new DeployResult(plan.release(), plan.namespace(), rendered.chartName(), rendered.chartVersion(),
                rendered.appVersion(), rendered.revision(), previous, STATUS, version.text(),
                elapsedBefore + clock.millis() - started, diff);
    }

    /** helm's refusal, as the deploy would report it, and that nothing was changed. */
    private RenderedRelease render(UpgradeOptions options, HelmVersion version) throws InterruptedException {
        try {
            return helm.dryRunUpgrade(options, version);
        } catch (ToolFailedException refused) {
            throw new EngineException(refused.getMessage() + ". Dry run: nothing was changed", refused);
        }
    }
}
