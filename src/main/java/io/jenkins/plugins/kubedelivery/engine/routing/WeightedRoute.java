package io.jenkins.plugins.kubedelivery.engine.routing;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;

/**
 * A user's route whose backend weights the plugin sets (an HTTPRoute rule, a VirtualService http
 * route): the pure derivations of one route kind, for {@link RouteWeightRouter}. Each refuses, with
 * a {@link RoutingException}, a route it would have to guess about.
 */
public interface WeightedRoute {
    KubeResource resource();

    /** The route's name. */
    String name();

    /** The field of {@code spec} that holds the weights ({@code rules}, {@code http}). */
    String specField();

    /** What is split, for the log ({@code , rule primary}); empty when the whole route is meant. */
    String part();

    /** The field's new value, with the canary at {@code weight} percent. */
    JsonArray withCanary(JsonObject route, int weight);

    /** The field's new value, with the canary's backend gone and the stable one taking all traffic. */
    JsonArray withoutCanary(JsonObject route);

    /** The canary's percent as the route carries it, 0 without a canary backend. */
    int canaryWeight(JsonObject route);
}
