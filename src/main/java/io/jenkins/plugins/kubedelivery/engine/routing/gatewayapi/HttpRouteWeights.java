package io.jenkins.plugins.kubedelivery.engine.routing.gatewayapi;

import static io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects.array;
import static io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects.describe;
import static io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects.object;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The canary's share of a Gateway API HTTPRoute (gateway.networking.k8s.io/v1): weights on the
 * backendRefs of the rules that lead to the stable Service. Weights there are proportions, not
 * percents, so the stable backend gets {@code 100 - w} and the canary {@code w}, and a rule with a
 * third backend is refused (its share would not be {@code w}%). Pure functions over the route as
 * {@code kubectl get -o json} returns it; the caller writes the rules back with the route's
 * resourceVersion as a precondition, so a route changed meanwhile is never overwritten.
 */
public final class HttpRouteWeights {
    private HttpRouteWeights() {}

    /**
     * @param ruleName the rule to split when several lead to the stable Service, or {@code null} for all of them
     * @return the route's {@code spec.rules} with the canary backend at {@code weight} percent
     */
    public static JsonArray rulesWithCanary(JsonObject route, String stableService, String canaryService, String ruleName,
            int weight) {
        JsonArray rules = copyRules(route);
        for (JsonObject rule : splitRules(route, rules, stableService, canaryService, ruleName)) {
            JsonArray backends = array(rule, "backendRefs");
            JsonObject stable = find(backends, stableService);
            JsonObject canary = find(backends, canaryService);
            if (canary == null) {
                canary = new JsonObject().add("name", canaryService);
                if (stable.get("port") != null) {
                    canary.add("port", stable.get("port"));
                }
                backends.add(canary);
            }
            stable.set("weight", 100 - weight);
            canary.set("weight", weight);
        }
        return rules;
    }

    /** The route's {@code spec.rules} with no canary backend left and the stable backend's weight as Gateway API defaults it. */
    public static JsonArray rulesWithoutCanary(JsonObject route, String stableService, String canaryService, String ruleName) {
        JsonArray rules = copyRules(route);
        for (JsonObject rule : splitRules(route, rules, stableService, canaryService, ruleName)) {
            JsonArray backends = array(rule, "backendRefs");
            JsonArray kept = new JsonArray();
            for (JsonValue backend : backends) {
                if (!canaryService.equals(backend.asObject().getString("name", null))) {
                    kept.add(backend);
                }
            }
            find(kept, stableService).remove("weight");
            rule.set("backendRefs", kept);
        }
        return rules;
    }

    /**
     * The canary's percent of the split rules' traffic, 0 when it has no backend there.
     *
     * @throws RoutingException when the split rules disagree (someone edited one by hand)
     */
    public static int canaryWeight(JsonObject route, String stableService, String canaryService, String ruleName) {
        TreeSet<Integer> shares = new TreeSet<>();
        for (JsonObject rule : splitRules(route, copyRules(route), stableService, canaryService, ruleName)) {
            JsonArray backends = array(rule, "backendRefs");
            JsonObject canary = find(backends, canaryService);
            int total = weight(find(backends, stableService)) + (canary == null ? 0 : weight(canary));
            shares.add(canary == null || total == 0 ? 0 : Math.round(100f * weight(canary) / total));
        }
        if (shares.size() > 1) {
            throw new RoutingException(describe("httproute", route) + " gives the canary different shares in different rules "
                    + shares + ": name one rule with the router's rule parameter, or make the rules agree");
        }
        return shares.first();
    }

    /**
     * The rules that lead to the stable Service (only the named one, when a name is given), checked:
     * each leads to a Service, and to nothing but the stable and canary Services.
     */
    private static List<JsonObject> splitRules(JsonObject route, JsonArray rules, String stableService, String canaryService,
            String ruleName) {
        List<JsonObject> split = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonValue value : rules) {
            JsonObject rule = value.asObject();
            names.add(rule.getString("name", "(unnamed)"));
            if (ruleName != null && !ruleName.equals(rule.getString("name", null))) {
                continue;
            }
            if (find(array(rule, "backendRefs"), stableService) != null) {
                checkBackends(route, rule, stableService, canaryService);
                split.add(rule);
            }
        }
        if (split.isEmpty()) {
            throw new RoutingException(describe("httproute", route) + (ruleName == null ? " has no rule" : " has no rule named '"
                    + ruleName + "' (its rules: " + names + ")") + " with a backendRef to service " + stableService
                    + ": name the route that serves the stable Service");
        }
        return split;
    }

    private static void checkBackends(JsonObject route, JsonObject rule, String stableService, String canaryService) {
        for (JsonValue value : array(rule, "backendRefs")) {
            JsonObject backend = value.asObject();
            String name = backend.getString("name", "");
            if (!isService(backend)) {
                throw new RoutingException(describe("httproute", route) + " leads to " + backend.getString("kind", "?") + " "
                        + name + ", which is not a Service: the split needs Service backends");
            }
            if (!name.equals(stableService) && !name.equals(canaryService)) {
                throw new RoutingException(describe("httproute", route) + " splits a rule between " + stableService + " and "
                        + name + " already: with a third backend the canary's share would not be what the step says;"
                        + " give the canary a rule of its own (name it with the router's rule parameter)");
            }
        }
    }

    /** A backendRef is a Service when it names no group and kind, or the core group and kind Service. */
    private static boolean isService(JsonObject backend) {
        return backend.getString("group", "").isEmpty() && backend.getString("kind", "Service").equals("Service");
    }

    private static JsonObject find(JsonArray backends, String service) {
        for (JsonValue value : backends) {
            if (service.equals(value.asObject().getString("name", null)) && isService(value.asObject())) {
                return value.asObject();
            }
        }
        return null;
    }

    /** Gateway API's default weight is 1. */
    private static int weight(JsonObject backend) {
        return backend.getInt("weight", 1);
    }

    /** A deep copy, so the route as read stays as it was. */
    private static JsonArray copyRules(JsonObject route) {
        return com.eclipsesource.json.Json.parse(array(object(route, "spec"), "rules").toString()).asArray();
    }
}
