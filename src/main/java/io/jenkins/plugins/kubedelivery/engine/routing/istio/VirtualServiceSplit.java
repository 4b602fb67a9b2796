package io.jenkins.plugins.kubedelivery.engine.routing.istio;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.routing.KubeResource;
import io.jenkins.plugins.kubedelivery.engine.routing.WeightedRoute;

/**
 * The {@code istio(virtualService:)} router's route: the destination weights of the VirtualService's
 * http route to the stable Service (or of the named one), through {@link VirtualServiceWeights}.
 *
 * @param virtualService the VirtualService's name
 * @param route the http route to split, or {@code null} when exactly one leads to the stable Service
 */
public record VirtualServiceSplit(String virtualService, String stableService, String canaryService, String route)
        implements WeightedRoute {
    @Override
    public KubeResource resource() {
        return KubeResource.VIRTUAL_SERVICE;
    }

    @Override
    public String name() {
        return virtualService;
    }

    @Override
    public String specField() {
        return "http";
    }

    @Override
    public String part() {
        return route == null ? "" : ", http route " + route;
    }

    @Override
    public JsonArray withCanary(JsonObject live, int weight) {
        return VirtualServiceWeights.httpWithCanary(live, stableService, canaryService, route, weight);
    }

    @Override
    public JsonArray withoutCanary(JsonObject live) {
        return VirtualServiceWeights.httpWithoutCanary(live, stableService, canaryService, route);
    }

    @Override
    public int canaryWeight(JsonObject live) {
        return VirtualServiceWeights.canaryWeight(live, stableService, canaryService, route);
    }
}
