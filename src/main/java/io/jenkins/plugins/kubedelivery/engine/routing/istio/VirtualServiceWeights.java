package io.jenkins.plugins.kubedelivery.engine.routing.istio;

import static io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects.array;
import static io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects.describe;
import static io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects.namespace;
import static io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects.object;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingException;
import java.util.ArrayList;
import java.util.List;

/**
 * The canary's share of an Istio VirtualService (networking.istio.io/v1): route weights in one
 * http route, the stable destination at {@code 100 - w} and the canary's at {@code w}, both written
 * explicitly (100 and 0 included) so that Istio never falls back to an implied split. Pure functions
 * over the object as {@code kubectl get -o json} returns it; the caller writes {@code spec.http}
 * back with the resourceVersion as a precondition.
 */
public final class VirtualServiceWeights {
    private VirtualServiceWeights() {}

    /**
     * @param routeName the http route to split, or {@code null} when exactly one leads to the stable Service
     * @return {@code spec.http} with the canary destination at {@code weight} percent
     */
    public static JsonArray httpWithCanary(JsonObject virtualService, String stableService, String canaryService,
            String routeName, int weight) {
        JsonArray http = copyHttp(virtualService);
        JsonObject route = splitRoute(virtualService, http, stableService, canaryService, routeName);
        JsonArray destinations = array(route, "route");
        JsonObject stable = find(virtualService, destinations, stableService);
        JsonObject canary = find(virtualService, destinations, canaryService);
        if (canary == null) {
            canary = new JsonObject().add("destination", canaryDestination(object(stable, "destination"), stableService, canaryService));
            destinations.add(canary);
        }
        stable.set("weight", 100 - weight);
        canary.set("weight", weight);
        return http;
    }

    /** {@code spec.http} with the canary destination removed and the stable one at 100. */
    public static JsonArray httpWithoutCanary(JsonObject virtualService, String stableService, String canaryService,
            String routeName) {
        JsonArray http = copyHttp(virtualService);
        JsonObject route = splitRoute(virtualService, http, stableService, canaryService, routeName);
        JsonArray kept = new JsonArray();
        for (JsonValue destination : array(route, "route")) {
            if (!leadsTo(virtualService, destination.asObject(), canaryService)) {
                kept.add(destination);
            }
        }
        find(virtualService, kept, stableService).set("weight", 100);
        route.set("route", kept);
        return http;
    }

    /** The canary's percent in the split route, 0 when it has no destination there. */
    public static int canaryWeight(JsonObject virtualService, String stableService, String canaryService, String routeName) {
        JsonArray http = copyHttp(virtualService);
        JsonObject route = splitRoute(virtualService, http, stableService, canaryService, routeName);
        JsonObject canary = find(virtualService, array(route, "route"), canaryService);
        return canary == null ? 0 : canary.getInt("weight", 0);
    }

    private static JsonObject splitRoute(JsonObject vs, JsonArray http, String stableService, String canaryService,
            String routeName) {
        List<JsonObject> candidates = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonValue value : http) {
            JsonObject route = value.asObject();
            names.add(route.getString("name", "(unnamed)"));
            boolean named = routeName == null || routeName.equals(route.getString("name", null));
            if (named && find(vs, array(route, "route"), stableService) != null) {
                candidates.add(route);
            }
        }
        if (candidates.isEmpty()) {
            throw new RoutingException(describe("virtualservice", vs) + (routeName == null ? " has no http route" : " has no http"
                    + " route named '" + routeName + "' (its routes: " + names + ")") + " with a destination to service "
                    + stableService + ": name the VirtualService and route that serve the stable Service");
        }
        if (candidates.size() > 1) {
            throw new RoutingException(describe("virtualservice", vs) + " has " + candidates.size() + " http routes to service "
                    + stableService + " " + names + ": name the one to split with the router's route parameter (give it a"
                    + " name in the VirtualService if it has none)");
        }
        JsonObject route = candidates.get(0);
        for (JsonValue destination : array(route, "route")) {
            if (!leadsTo(vs, destination.asObject(), stableService) && !leadsTo(vs, destination.asObject(), canaryService)) {
                throw new RoutingException(describe("virtualservice", vs) + " route " + route.getString("name", "(unnamed)")
                        + " also leads to " + object(destination.asObject(), "destination").getString("host", "?")
                        + ": with a third destination the canary's share would not be what the step says");
            }
        }
        return route;
    }

    /** The canary's destination: the stable one's host form and port, another Service, no subset. */
    private static JsonObject canaryDestination(JsonObject stable, String stableService, String canaryService) {
        String host = stable.getString("host", stableService);
        JsonObject destination = new JsonObject().add("host", canaryService + host.substring(stableService.length()));
        if (stable.get("port") != null) {
            destination.add("port", stable.get("port"));
        }
        return destination;
    }

    private static JsonObject find(JsonObject vs, JsonArray destinations, String service) {
        for (JsonValue value : destinations) {
            if (leadsTo(vs, value.asObject(), service)) {
                return value.asObject();
            }
        }
        return null;
    }

    /**
     * Whether a destination's host names the Service in the VirtualService's namespace: the short
     * name, or its {@code .ns}, {@code .ns.svc} or {@code .ns.svc.cluster.local} forms.
     */
    private static boolean leadsTo(JsonObject vs, JsonObject destination, String service) {
        String host = object(destination, "destination").getString("host", "");
        String ns = namespace(vs);
        return host.equals(service) || host.equals(service + "." + ns) || host.equals(service + "." + ns + ".svc")
                || host.equals(service + "." + ns + ".svc.cluster.local");
    }

    private static JsonArray copyHttp(JsonObject vs) {
        return Json.parse(array(object(vs, "spec"), "http").toString()).asArray();
    }
}
