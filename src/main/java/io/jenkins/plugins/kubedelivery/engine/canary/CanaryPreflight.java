package io.jenkins.plugins.kubedelivery.engine.canary;

import static io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects.object;

import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.BackgroundRead;
import io.jenkins.plugins.kubedelivery.engine.cli.BackgroundReads;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployPlan;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.deploy.Durations;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is checked before the canary release is installed, so that no traffic ever moves to a canary
 * that would overwrite the stable release or blur into it: the canary rendered by {@code helm template}
 * is compared with the stable release's recorded manifest ({@link CanaryRelease}'s rules), and for the
 * {@code replicas()} router no autoscaler may scale either Deployment. Reads only, side by side with each
 * other and with the caller's own reads.
 */
final class CanaryPreflight {
    private final HelmClient helm;
    private final KubectlClient kubectl;
    private final DeployService deploys;
    private final EngineLog log;
    private final Clock clock;

    CanaryPreflight(HelmClient helm, KubectlClient kubectl, DeployService deploys, EngineLog log, Clock clock) {
        this.helm = helm;
        this.kubectl = kubectl;
        this.deploys = deploys;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Starts the reads the checks decide on, side by side in {@code reads} (and with the caller's own):
     * the stable release's latest manifest, the canary rendered, and for the {@code replicas()} router the
     * namespace's autoscalers. Nothing is decided until {@link Started#check()}.
     *
     * @param canary the canary's deploy, exactly as it will be installed
     * @param sharedService whether the router sends the traffic through the stable Service to both releases' pods
     *     ({@code replicas()}), rather than to each release's own Service
     */
    Started start(BackgroundReads reads, DeployPlan stable, DeployRequest canary, String canaryRelease, boolean sharedService) {
        long started = clock.millis();
        BackgroundRead<Optional<String>> stableManifest = reads.start("kube-delivery-stable-manifest",
                () -> helm.latestManifest(stable.release(), stable.namespace()));
        BackgroundRead<String> canaryRendered = reads.start("kube-delivery-canary-template", () -> deploys.render(canary));
        BackgroundRead<List<JsonObject>> liveAutoscalers = sharedService ? reads.start("kube-delivery-autoscalers",
                () -> kubectl.objects("horizontalpodautoscalers.autoscaling", stable.namespace())) : null;
        return new Started(stable, canaryRelease, started, stableManifest, canaryRendered, liveAutoscalers);
    }

    /** The preflight's reads under way, and the checks made on them. */
    final class Started {
        private final DeployPlan stable;
        private final String canaryRelease;
        private final long started;
        private final BackgroundRead<Optional<String>> stableManifest;
        private final BackgroundRead<String> canaryRendered;
        /** Null unless the router shares the stable Service (replicas()), the only one an autoscaler would fight. */
        private final BackgroundRead<List<JsonObject>> liveAutoscalers;

        private Started(DeployPlan stable, String canaryRelease, long started, BackgroundRead<Optional<String>> stableManifest,
                BackgroundRead<String> canaryRendered, BackgroundRead<List<JsonObject>> liveAutoscalers) {
            this.stable = stable;
            this.canaryRelease = canaryRelease;
            this.started = started;
            this.stableManifest = stableManifest;
            this.canaryRendered = canaryRendered;
            this.liveAutoscalers = liveAutoscalers;
        }

        /** @throws ValidationException naming what the user should change */
        void check() throws InterruptedException {
            String manifest = stableManifest.get().orElseThrow(() -> new ValidationException("service", "release "
                    + stable.release() + " is not installed in " + stable.namespace() + ": a canary runs beside the stable"
                    + " release; deploy it with deployService first"));
            ReleaseObjects stableObjects = ReleaseObjects.parse(stable.release(), manifest, stable.namespace(),
                    "the stable release's manifest");
            ReleaseObjects canaryObjects = ReleaseObjects.parse(canaryRelease, canaryRendered.get(), stable.namespace(),
                    "the canary's rendered manifest");
            CanaryRelease.requireDistinctObjects(stableObjects.ids(), canaryObjects.ids());
            boolean sharedService = liveAutoscalers != null;
            if (sharedService) {
                CanaryRelease.requireStableSelectsCanary(stableObjects.selection(), canaryObjects.selection());
                requireNoAutoscaler(stable, canaryRelease, stableObjects, canaryObjects, liveAutoscalers.get());
            } else {
                CanaryRelease.requireSeparateSelection(stableObjects.selection(), canaryObjects.selection());
            }
            log.line("Checked before installing the canary (" + Durations.human(Duration.ofMillis(clock.millis() - started))
                    + "): its " + canaryObjects.ids().size() + " objects keep names apart from the stable release's, and "
                    + (sharedService ? "service " + stable.release() + " selects both releases' pods, as the replicas() router"
                            + " needs; no autoscaler scales either Deployment"
                            : "each release's Service selects only its own pods"));
        }
    }

    /**
     * The replicas() router moves traffic by scaling the two Deployments: an autoscaler on either, the
     * charts' own or one made apart, would scale them back and the weights would mean nothing.
     */
    private static void requireNoAutoscaler(DeployPlan stable, String canaryRelease, ReleaseObjects stableObjects,
            ReleaseObjects canaryObjects, List<JsonObject> liveAutoscalers) {
        List<String> autoscalers = new ArrayList<>(stableObjects.autoscalersOf(stable.release()));
        autoscalers.addAll(canaryObjects.autoscalersOf(canaryRelease));
        for (JsonObject live : liveAutoscalers) {
            JsonObject target = object(live, "spec", "scaleTargetRef");
            String name = "horizontalpodautoscaler " + stable.namespace() + "/" + object(live, "metadata").getString("name", "?");
            for (String deployment : List.of(stable.release(), canaryRelease)) {
                if (ReleaseObjects.scalesDeployment(target.getString("kind", null), target.getString("name", null), deployment)
                        && !autoscalers.contains(name)) {
                    autoscalers.add(name);
                }
            }
        }
        if (!autoscalers.isEmpty()) {
            throw new ValidationException("router", String.join(", ", autoscalers) + " scales the Deployment of " + stable.release()
                    + " or its canary, and would fight the replicas() router, which moves traffic by scaling those Deployments:"
                    + " use an L7 router (nginx, gatewayApi or istio), which leaves the replica counts to the autoscaler, or"
                    + " turn the autoscaler off in the chart's values for this service");
        }
    }
}
