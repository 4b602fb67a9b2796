package io.jenkins.plugins.kubedelivery.engine.routing.replicas;

import static io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects.object;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.routing.KubeResource;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteReading;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingException;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingObjects;
import io.jenkins.plugins.kubedelivery.engine.routing.TrafficRouter;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code replicas()} router: no L7 router, so the canary's share of traffic is its share of the
 * pods behind the stable Service ({@link ReplicaSplit}), kept at the stable release's pod count.
 * Only the two Deployments' replica counts change, each by a replace from the resourceVersion read,
 * and each Deployment must be the named Helm release's (helm's {@value #HELM_RELEASE} annotation).
 * The state, and the stable release's pod count before the canary (restored on reset), are recorded
 * on the canary's Deployment. Capacity never dips: the side that grows is scaled first.
 */
public final class ReplicasRouter implements TrafficRouter {
    /** What helm writes on every object of a release (since helm 3.2), naming the release. */
    public static final String HELM_RELEASE = "meta.helm.sh/release-name";
    /** On the canary's Deployment: the stable release's replicas before the canary took any. */
    public static final String STABLE_REPLICAS = "kube-delivery.io/stable-replicas";

    private final RoutingObjects objects;
    private final EngineLog log;
    private final String namespace;
    private final Side stable;
    private final Side canary;

    /** One release's Deployment. */
    public record Side(String release, String deployment) {}

    public ReplicasRouter(RoutingObjects objects, EngineLog log, String namespace, Side stable, Side canary) {
        this.objects = objects;
        this.log = log;
        this.namespace = namespace;
        this.stable = stable;
        this.canary = canary;
    }

    @Override
    public String describe() {
        return "replicas of " + where(canary) + " and " + where(stable) + " (weight approximated by the canary's share of pods)";
    }

    @Override
    public RouteReading read() throws InterruptedException {
        Optional<JsonObject> canaryNow = objects.get(KubeResource.DEPLOYMENT, namespace, canary.deployment());
        if (canaryNow.isEmpty()) {
            return RouteReading.NO_CANARY;
        }
        requireRelease(canaryNow.get(), canary);
        JsonObject stableNow = require(stable);
        return new RouteReading(new ReplicaSplit(replicas(stableNow), replicas(canaryNow.get())).effectiveWeight(),
                RouteState.of(canaryNow.get()));
    }

    @Override
    public RouteReading setWeight(RouteState state) throws InterruptedException {
        JsonObject canaryNow = require(canary);
        JsonObject stableNow = require(stable);
        int total = recordedStableReplicas(canaryNow).orElse(replicas(stableNow));
        ReplicaSplit split = ReplicaSplit.forWeight(total, state.weight());
        RouteState reached = state.at(split.effectiveWeight(), state.step());
        UnaryOperator<JsonObject> canaryChange = live -> {
            JsonObject next = scaled(live, canary, split.canary());
            reached.writeTo(next);
            next.get("metadata").asObject().get("annotations").asObject().set(STABLE_REPLICAS, Integer.toString(total));
            return next;
        };
        // The split was computed from these reads, so each write starts from its read's resourceVersion.
        boolean canaryGrows = split.canary() >= replicas(canaryNow);
        if (canaryGrows) {
            objects.update(KubeResource.DEPLOYMENT, canaryNow, this::ownedOnCanary, canaryChange);
        }
        objects.update(KubeResource.DEPLOYMENT, stableNow, ReplicasRouter::replicas, live -> scaled(live, stable, split.stable()));
        if (!canaryGrows) {
            objects.update(KubeResource.DEPLOYMENT, canaryNow, this::ownedOnCanary, canaryChange);
        }
        log.line("Canary at " + split.describe(state.weight()) + " behind the stable Service: the replicas() router"
                + " approximates the weight by the canary's share of the pods");
        return new RouteReading(split.effectiveWeight(), Optional.of(reached));
    }

    @Override
    public void reset() throws InterruptedException {
        Optional<JsonObject> canaryNow = objects.get(KubeResource.DEPLOYMENT, namespace, canary.deployment());
        if (canaryNow.isEmpty()) {
            log.line("No " + where(canary) + ": all traffic is on stable already");
            return;
        }
        requireRelease(canaryNow.get(), canary);
        Optional<Integer> total = recordedStableReplicas(canaryNow.get());
        if (total.isPresent()) {
            objects.update(KubeResource.DEPLOYMENT, namespace, stable.deployment(), ReplicasRouter::replicas,
                    live -> scaled(live, stable, total.get()));
        }
        objects.update(KubeResource.DEPLOYMENT, canaryNow.get(), this::ownedOnCanary, live -> {
            JsonObject next = scaled(live, canary, 0);
            RouteState.removeFrom(next);
            next.get("metadata").asObject().get("annotations").asObject().remove(STABLE_REPLICAS);
            return next;
        });
        log.line("All traffic back on stable: " + where(canary) + " scaled to 0"
                + total.map(n -> ", " + where(stable) + " back to " + n).orElse(""));
    }

    private JsonObject require(Side side) throws InterruptedException {
        JsonObject deployment = objects.get(KubeResource.DEPLOYMENT, namespace, side.deployment()).orElseThrow(() ->
                new RoutingException(where(side) + " does not exist: the replicas() router scales the Deployment of release "
                        + side.release() + "; install the release first, or name its Deployment"));
        requireRelease(deployment, side);
        return deployment;
    }

    /** A Deployment is the release's when helm says so: the router never scales another. */
    private void requireRelease(JsonObject deployment, Side side) {
        String release = object(deployment, "metadata", "annotations").getString(HELM_RELEASE, null);
        if (!side.release().equals(release)) {
            throw new RoutingException(where(side) + " belongs to " + (release == null ? "no Helm release" : "Helm release "
                    + release) + ", not to " + side.release() + " (annotation " + HELM_RELEASE + "): the replicas() router"
                    + " scales only the releases' own Deployments; name the Deployment the release installs");
        }
    }

    /** On the canary's Deployment the plugin owns its replicas and the two annotations. */
    private Object ownedOnCanary(JsonObject deployment) {
        return replicas(deployment) + " replicas, recorded state " + RouteState.describe(RouteState.of(deployment))
                + ", stable replicas before the canary " + recordedStableReplicas(deployment).map(String::valueOf).orElse("none");
    }

    private Optional<Integer> recordedStableReplicas(JsonObject canaryDeployment) {
        String text = object(canaryDeployment, "metadata", "annotations").getString(STABLE_REPLICAS, null);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new RoutingException(where(canary) + " has annotation " + STABLE_REPLICAS + "='" + text + "', not a pod"
                    + " count: it was edited by hand; set it to the stable release's usual replicas");
        }
    }

    /** A copy from the version read, scaled; the release is checked again on this read. */
    private JsonObject scaled(JsonObject live, Side side, int replicas) {
        requireRelease(live, side);
        JsonObject next = Json.parse(live.toString()).asObject();
        next.get("spec").asObject().set("replicas", replicas);
        if (next.get("metadata").asObject().get("annotations") == null) {
            next.get("metadata").asObject().set("annotations", new JsonObject());
        }
        return next;
    }

    /** A Deployment without {@code spec.replicas} runs one pod. */
    private static int replicas(JsonObject deployment) {
        return object(deployment, "spec").getInt("replicas", 1);
    }

    private String where(Side side) {
        return KubeResource.DEPLOYMENT.describe(namespace, side.deployment());
    }
}
