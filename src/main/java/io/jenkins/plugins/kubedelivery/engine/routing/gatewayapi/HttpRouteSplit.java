package io.jenkins.plugins.kubedelivery.engine.routing.gatewayapi;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.routing.KubeResource;
import io.jenkins.plugins.kubedelivery.engine.routing.WeightedRoute;

/**
 * The {@code gatewayApi(route:)} router's route: the backendRefs weights of the HTTPRoute's rules to
 * the stable Service (or of the named rule), through {@link HttpRouteWeights}.
 *
 * @param route the HTTPRoute's name
 * @param rule the rule to split, or {@code null} for every rule that leads to the stable Service
 */
public record HttpRouteSplit(String route, String stableService, String canaryService, String rule) implements WeightedRoute {
    @Override
    public KubeResource resource() {
        return KubeResource.HTTP_ROUTE;
    }

    @Override
    public String name() {
        return route;
    }

    @Override
    public String specField() {
        return "rules";
    }

    @Override
    public String part() {
        return rule == null ? "" : ", rule " + rule;
    }

    @Override
    public JsonArray withCanary(JsonObject live, int weight) {
        return HttpRouteWeights.rulesWithCanary(live, stableService, canaryService, rule, weight);
    }

    @Override
    public JsonArray withoutCanary(JsonObject live) {
        return HttpRouteWeights.rulesWithoutCanary(live, stableService, canaryService, rule);
    }

    @Override
    public int canaryWeight(JsonObject live) {
        return HttpRouteWeights.canaryWeight(live, stableService, canaryService, rule);
    }
}
