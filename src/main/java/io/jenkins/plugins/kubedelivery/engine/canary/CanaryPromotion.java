package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployPlan;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployResult;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.deploy.Durations;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import io.jenkins.plugins.kubedelivery.engine.routing.TrafficRouter;
import java.time.Duration;
import java.util.Map;

/**
 * The end of a canary that passed (its last step) or that a person promoted (canaryPromote with {@code full}): all
 * traffic on the canary, the stable release upgraded to what the canary runs, traffic back on stable, the canary
 * release removed. Stable is upgraded from the same chart with the canary release's own values (read from the
 * cluster, {@link CanaryValues}), so what reaches production is what was measured, whichever step promotes it. One
 * place for every promotion, so that they cannot differ.
 */
final class CanaryPromotion {
    private CanaryPromotion() {}

    /**
     * @param knownSecrets the secret values the caller holds, by dotted key ({@link CanaryValues#read})
     * @param stable the stable release's names and the helm timeout
     * @param state where the canary stands now (its weight and step)
     */
    static void promote(EnginePorts ports, ClusterTarget cluster, CanaryRecord.Promotion promotion,
            Map<String, String> knownSecrets, String build, DeployPlan stable, TrafficRouter router, RouteState state)
            throws InterruptedException {
        EngineLog log = ports.log();
        long at = ports.clock().millis();
        String canaryRelease = CanaryRelease.nameFor(stable.release());
        HelmClient helm = new HelmClient(ports.runner(), ports.helm(), cluster);
        // read before any traffic moves: a canary whose values cannot be promoted is aborted with stable untouched
        Map<String, Object> measured = CanaryValues.read(helm, canaryRelease, stable.namespace(), promotion, knownSecrets,
                ports.secrets());
        if (state.weight() < 100) {
            router.setWeight(state.at(100, state.step()));
            log.line("Promoting: all traffic on the canary while " + stable.release() + " is upgraded with the values of "
                    + canaryRelease);
        }
        DeployResult upgraded = new DeployService(ports, cluster, build).run(DeployRequest.builder(stable.service(),
                        stable.environment())
                .namespace(stable.namespace())
                .release(stable.release())
                .chart(promotion.chart())
                .chartVersion(promotion.chartVersion())
                .valuesSuffix(promotion.valuesSuffix())
                .values(measured)
                .timeout(stable.timeout())
                .waitForReady(promotion.waitForReady())
                .atomic(promotion.atomic())
                .historyMax(promotion.historyMax())
                .build());
        log.line("Stable release " + stable.release() + " upgraded to revision " + upgraded.revision() + image(promotion.imageTag()));
        router.reset();
        helm.uninstall(canaryRelease, stable.namespace(), stable.timeout());
        log.line("Promoted " + stable.release() + " in " + Durations.human(Duration.ofMillis(ports.clock().millis() - at))
                + ": traffic on stable, canary release " + canaryRelease + " removed");
    }

    /** {@code  (image tag 1.4.0)}, or nothing when the deploy sets no tag, for the log. */
    static String newImage(DeployRequest deploy) {
        return image(deploy.imageTag());
    }

    static String image(String imageTag) {
        return imageTag == null ? "" : " (image tag " + imageTag + ")";
    }
}
