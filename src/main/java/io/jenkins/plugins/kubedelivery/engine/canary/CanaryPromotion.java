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
 * release removed. Stable is upgraded from the same chart with what the canary release was installed with, so what
 * reaches production is what was measured, whichever step promotes it: the run that installed the canary knows that
 * request ({@link Installed}); any other (canaryPromote, a canaryShift resumed after a restart) reads the canary
 * release's own values from the cluster ({@link ReadBack}, {@link CanaryValues}). One place for every promotion, so
 * that they cannot differ.
 */
final class CanaryPromotion {
    private CanaryPromotion() {}

    /** Where the values stable is upgraded with come from. */
    sealed interface Source permits Installed, ReadBack {}

    /**
     * canaryShift's own promotion, in the execution that installed the canary: no read of the canary's values.
     *
     * @param stable the request the canary was installed from, under the stable release's name and less its canary-only
     *     keys ({@link CanaryShiftRequest#stableDeploy})
     */
    record Installed(DeployRequest stable) implements Source {}

    /**
     * The canary release's values as the cluster holds them.
     *
     * @param knownSecrets the secret values the caller holds, by dotted key ({@link CanaryValues#read})
     */
    record ReadBack(Map<String, String> knownSecrets) implements Source {
        ReadBack {
            knownSecrets = Map.copyOf(knownSecrets);
        }
    }

    /**
     * @param source the installing request, or the read of the canary's values
     * @param deploys the deploy the caller installed the canary with, when it did (its helm version is known then)
     * @param stable the stable release's names and the helm timeout
     * @param state where the canary stands now (its weight and step)
     */
    static void promote(EnginePorts ports, ClusterTarget cluster, CanaryRecord.Promotion promotion, Source source,
            DeployService deploys, DeployPlan stable, TrafficRouter router, RouteState state) throws InterruptedException {
        EngineLog log = ports.log();
        long at = ports.clock().millis();
        String canaryRelease = CanaryRelease.nameFor(stable.release());
        HelmClient helm = new HelmClient(ports.runner(), ports.helm(), cluster);
        // read before any traffic moves: a canary whose values cannot be promoted is aborted with stable untouched
        DeployRequest upgrade = source instanceof Installed installed ? installed.stable()
                : readBack(helm, canaryRelease, promotion, ((ReadBack) source).knownSecrets(), ports, stable);
        if (state.weight() < 100) {
            router.setWeight(state.at(100, state.step()));
            log.line("Promoting: all traffic on the canary while " + stable.release() + " is upgraded with "
                    + (source instanceof Installed ? "what " + canaryRelease + " was installed with" : "the values of " + canaryRelease));
        }
        DeployResult upgraded = deploys.run(upgrade);
        log.line("Stable release " + stable.release() + " upgraded to revision " + upgraded.revision() + image(promotion.imageTag()));
        router.reset();
        helm.uninstall(canaryRelease, stable.namespace(), stable.timeout());
        log.line("Promoted " + stable.release() + " in " + Durations.human(Duration.ofMillis(ports.clock().millis() - at))
                + ": traffic on stable, canary release " + canaryRelease + " removed");
    }

    /** Stable's deploy from the same chart and options, with the canary release's values read from the cluster. */
    private static DeployRequest readBack(HelmClient helm, String canaryRelease, CanaryRecord.Promotion promotion,
            Map<String, String> knownSecrets, EnginePorts ports, DeployPlan stable) throws InterruptedException {
        Map<String, Object> measured = CanaryValues.read(helm, canaryRelease, stable.namespace(), promotion, knownSecrets,
                ports.secrets());
        return DeployRequest.builder(stable.service(), stable.environment())
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
                .build();
    }

    /** {@code  (image tag 1.4.0)}, or nothing when the deploy sets no tag, for the log. */
    static String newImage(DeployRequest deploy) {
        return image(deploy.imageTag());
    }

    static String image(String imageTag) {
        return imageTag == null ? "" : " (image tag " + imageTag + ")";
    }
}
