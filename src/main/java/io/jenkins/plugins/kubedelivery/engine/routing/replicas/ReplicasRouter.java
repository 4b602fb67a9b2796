package io.jenkins.plugins.kubedelivery.engine.routing.replicas;

import static io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects.object;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.routing.KubeResource;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteReading;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingException;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingObjects;
import io.jenkins.plugins.kubedelivery.engine.routing.TrafficRouter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code replicas()} router: no L7 router, so the canary's share of traffic is its share of the
 * pods behind the stable Service ({@link ReplicaSplit}), kept at the stable release's pod count.
 * Only the two Deployments' replica counts change, each by one JSON patch from the version the router
 * last patched or read (no read before it), whose {@code test} operations hold the uid, the annotations
 * and the replicas it was decided from; each Deployment must be the named Helm release's (helm's
 * {@value #HELM_RELEASE} annotation). The state, and the stable release's pod count before the canary
 * (restored on reset), are recorded on the canary's Deployment. A weight step scales the side that grows
 * first, so capacity never dips; a reset scales the canary to 0 first (its traffic gone in one call)
 * unless the stable release runs no pod then (after a promotion's 100%), when stable grows first.
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
        JsonObject canaryNow = knownOrRequire(canary);
        JsonObject stableNow = knownOrRequire(stable);
        int total = recordedStableReplicas(canaryNow).orElse(replicas(stableNow));
        ReplicaSplit split = ReplicaSplit.forWeight(total, state.weight());
        RouteState reached = state.at(split.effectiveWeight(), state.step());
        Map<String, String> record = Map.of(RouteState.ANNOTATION, reached.toJson(), STABLE_REPLICAS, Integer.toString(total));
        // The split was computed from these versions, so each patch tests what it was computed from.
        boolean canaryGrows = split.canary() >= replicas(canaryNow);
        if (canaryGrows) {
            scale(canary, split.canary(), record, false);
        }
        scale(stable, split.stable(), Map.of(), false);
        if (!canaryGrows) {
            scale(canary, split.canary(), record, false);
        }
        log.line("Canary at " + split.describe(state.weight()) + " behind the stable Service: the replicas() router"
                + " approximates the weight by the canary's share of the pods");
        return new RouteReading(split.effectiveWeight(), Optional.of(reached));
    }

    @Override
    public void reset() throws InterruptedException {
        Optional<JsonObject> canaryNow = objects.knownOrRead(KubeResource.DEPLOYMENT, namespace, canary.deployment());
        if (canaryNow.isEmpty()) {
            log.line("No " + where(canary) + ": all traffic is on stable already");
            return;
        }
        requireRelease(canaryNow.get(), canary);
        Optional<Integer> total = recordedStableReplicas(canaryNow.get());
        // The canary's pods go first, so that its traffic is gone in one call (an abort's point), unless the stable
        // release runs no pod now (a promotion at 100%): the stable side then grows first, so the Service is never empty.
        boolean stableFirst = total.isPresent() && replicas(knownOrRequire(stable)) == 0;
        if (stableFirst) {
            scale(stable, total.get(), Map.of(), true);
        }
        scale(canary, 0, null, true);
        if (total.isPresent() && !stableFirst) {
            scale(stable, total.get(), Map.of(), true);
        }
        log.line("All traffic back on stable: " + where(canary) + " scaled to 0"
                + total.map(n -> ", " + where(stable) + " back to " + n).orElse(""));
    }

    /**
     * One JSON patch of a side's Deployment, from the version known. Its {@code test} operations hold what the
     * router decided from and owns: the uid, helm's release annotation, the replicas and, on the canary, the
     * plugin's annotations. A JSON patch cannot test that a field is absent, so while the canary carries no recorded
     * state yet the patch tests its resourceVersion instead. Nothing else is tested: the status, which the
     * deployment controller writes all the time, or a label someone adds, does not make the API server refuse it.
     *
     * @param annotations the plugin's annotations to set; {@code null} to remove them (the canary is over)
     * @param backToStable whether a conflict is decided again from a new read (see {@link RoutingObjects#patchBackToStable})
     */
    private void scale(Side side, int replicas, Map<String, String> annotations, boolean backToStable) throws InterruptedException {
        boolean onCanary = side.equals(canary);
        Function<JsonObject, Object> owned = onCanary ? this::ownedOnCanary : ReplicasRouter::replicas;
        Function<JsonObject, JsonArray> patch = live -> {
            requireRelease(live, side);
            JsonObject metadata = object(live, "metadata");
            JsonObject liveAnnotations = object(live, "metadata", "annotations");
            JsonArray operations = new JsonArray()
                    .add(operation("test", "/metadata/uid", Json.value(metadata.getString("uid", ""))))
                    .add(operation("test", annotationPath(HELM_RELEASE), Json.value(side.release())));
            if (onCanary) {
                boolean anyAbsent = false;
                for (String key : List.of(RouteState.ANNOTATION, STABLE_REPLICAS)) {
                    JsonValue value = liveAnnotations.get(key);
                    anyAbsent |= value == null;
                    if (value != null) {
                        operations.add(operation("test", annotationPath(key), value));
                    }
                }
                if (anyAbsent) {
                    operations.add(operation("test", "/metadata/resourceVersion", Json.value(metadata.getString("resourceVersion", ""))));
                }
            }
            JsonValue liveReplicas = object(live, "spec").get("replicas");
            if (liveReplicas != null) {
                operations.add(operation("test", "/spec/replicas", liveReplicas));
            }
            operations.add(operation("add", "/spec/replicas", Json.value(replicas)));
            if (annotations == null) {
                for (String key : List.of(RouteState.ANNOTATION, STABLE_REPLICAS)) {
                    if (liveAnnotations.get(key) != null) {
                        operations.add(new JsonObject().add("op", "remove").add("path", annotationPath(key)));
                    }
                }
            } else {
                annotations.forEach((key, value) -> operations.add(operation("add", annotationPath(key), Json.value(value))));
            }
            return operations;
        };
        if (backToStable) {
            objects.patchBackToStable(KubeResource.DEPLOYMENT, namespace, side.deployment(), owned, patch);
        } else {
            objects.patch(KubeResource.DEPLOYMENT, namespace, side.deployment(), owned, patch);
        }
    }

    private static JsonObject operation(String op, String path, JsonValue value) {
        return new JsonObject().add("op", op).add("path", path).add("value", value);
    }

    /** A JSON pointer to an annotation: {@code /} in the key is written {@code ~1} (RFC 6901). */
    private static String annotationPath(String key) {
        return "/metadata/annotations/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** The side's Deployment as last patched or read, or read now. */
    private JsonObject knownOrRequire(Side side) throws InterruptedException {
        Optional<JsonObject> known = objects.known(KubeResource.DEPLOYMENT, namespace, side.deployment());
        if (known.isEmpty()) {
            return require(side);
        }
        requireRelease(known.get(), side);
        return known.get();
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

    /** A Deployment without {@code spec.replicas} runs one pod. */
    private static int replicas(JsonObject deployment) {
        return object(deployment, "spec").getInt("replicas", 1);
    }

    private String where(Side side) {
        return KubeResource.DEPLOYMENT.describe(namespace, side.deployment());
    }
}
