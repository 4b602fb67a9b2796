package io.jenkins.plugins.kubedelivery.engine.routing;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;

/**
 * Routes a canary by the backend weights of a route the user owns (Gateway API HTTPRoute, Istio
 * VirtualService). The route is never created or deleted: only the weights of the split part change,
 * and the plugin's {@link RouteState} annotation with them. Each write is one replace from the route as
 * the router last wrote (or read) it, conditional on that resourceVersion: a weight step and the return to
 * stable cost one kubectl call each; a route changed in between is read again ({@link RoutingObjects}).
 */
public final class RouteWeightRouter implements TrafficRouter {
    private final RoutingObjects objects;
    private final EngineLog log;
    private final String namespace;
    private final WeightedRoute route;

    public RouteWeightRouter(RoutingObjects objects, EngineLog log, String namespace, WeightedRoute route) {
        this.objects = objects;
        this.log = log;
        this.namespace = namespace;
        this.route = route;
    }

    @Override
    public String describe() {
        return route.resource().describe(namespace, route.name()) + route.part();
    }

    @Override
    public RouteReading read() throws InterruptedException {
        JsonObject live = objects.get(route.resource(), namespace, route.name()).orElseThrow(this::missing);
        return reading(live);
    }

    @Override
    public RouteReading setWeight(RouteState state) throws InterruptedException {
        JsonObject written = objects.update(route.resource(), namespace, route.name(), this::owned, live -> {
            JsonObject next = withField(live, route.withCanary(live, state.weight()));
            state.writeTo(next);
            return next;
        });
        RouteReading reading = reading(written);
        log.line("Canary at " + reading.weight() + "% on " + describe());
        return reading;
    }

    @Override
    public void reset() throws InterruptedException {
        // The route as last written (or read): no canary there means none of the plugin's, with no call.
        JsonObject current = objects.knownOrRead(route.resource(), namespace, route.name()).orElseThrow(this::missing);
        if (reading(current).equals(RouteReading.NO_CANARY)) {
            log.line("No canary on " + describe() + ": all traffic is on stable already");
            return;
        }
        objects.updateBackToStable(route.resource(), namespace, route.name(), this::owned, live -> {
            JsonObject next = withField(live, route.withoutCanary(live));
            RouteState.removeFrom(next);
            return next;
        });
        log.line("All traffic back on stable, canary backend removed, on " + describe());
    }

    private RouteReading reading(JsonObject live) {
        return new RouteReading(route.canaryWeight(live), RouteState.of(live));
    }

    /** The plugin owns the split's weights and its state annotation; the rest of the route is the user's. */
    private Object owned(JsonObject live) {
        return "canary weight " + route.canaryWeight(live) + ", recorded state " + RouteState.describe(RouteState.of(live));
    }

    /** A copy of the route as read, resourceVersion included, with the split field replaced. */
    private JsonObject withField(JsonObject live, JsonArray value) {
        JsonObject copy = Json.parse(live.toString()).asObject();
        copy.get("spec").asObject().set(route.specField(), value);
        return copy;
    }

    private RoutingException missing() {
        return new RoutingException(route.resource().describe(namespace, route.name()) + " does not exist: the "
                + route.resource().kind() + " that routes the stable Service must exist before the canary starts (the plugin"
                + " only sets its weights)");
    }
}
