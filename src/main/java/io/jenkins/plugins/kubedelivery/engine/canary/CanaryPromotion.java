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

/**
 * The end of a canary that passed (canaryShift at its last step) or that a person promoted
 * (canaryPromote): all traffic on the canary, the stable release upgraded to the new version,
 * traffic back on stable, the canary release removed. One place for both, so that they cannot differ.
 */
final class CanaryPromotion {
    private CanaryPromotion() {}

    /**
     * @param deploy the new version as a deploy of the stable release
     * @param state where the canary stands now (its weight and step)
     */
    static void promote(EnginePorts ports, ClusterTarget cluster, DeployRequest deploy, String build, DeployPlan stable,
            TrafficRouter router, RouteState state) throws InterruptedException {
        EngineLog log = ports.log();
        long at = ports.clock().millis();
        if (state.weight() < 100) {
            router.setWeight(state.at(100, state.step()));
            log.line("Promoting: all traffic on the canary while " + stable.release() + " is upgraded");
        }
        DeployResult upgraded = new DeployService(ports, cluster, build).run(deploy);
        log.line("Stable release " + stable.release() + " upgraded to revision " + upgraded.revision() + newImage(deploy));
        router.reset();
        String canaryRelease = CanaryRelease.nameFor(stable.release());
        new HelmClient(ports.runner(), ports.helm(), cluster).uninstall(canaryRelease, stable.namespace(), stable.timeout());
        log.line("Promoted " + stable.release() + " in " + Durations.human(Duration.ofMillis(ports.clock().millis() - at))
                + ": traffic on stable, canary release " + canaryRelease + " removed");
    }

    /** {@code  (image tag 1.4.0)}, or nothing when the deploy sets no tag, for the log. */
    static String newImage(DeployRequest deploy) {
        return deploy.imageTag() == null ? "" : " (image tag " + deploy.imageTag() + ")";
    }
}
