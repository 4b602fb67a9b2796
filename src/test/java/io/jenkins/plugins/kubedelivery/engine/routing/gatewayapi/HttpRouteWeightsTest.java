package io.jenkins.plugins.kubedelivery.engine.routing.gatewayapi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingException;
import org.junit.Test;

public class HttpRouteWeightsTest {
    /** Two rules to the stable Service (one named), one to another service. */
    private static JsonObject route() {
        return Json.parse("""
                {"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute",
                 "metadata":{"name":"payments","namespace":"prod","resourceVersion":"40"},
                 "spec":{"parentRefs":[{"name":"public"}],"hostnames":["pay.example.com"],"rules":[
                   {"name":"api","matches":[{"path":{"type":"PathPrefix","value":"/api"}}],
                    "backendRefs":[{"name":"payments","port":8080}]},
                   {"matches":[{"path":{"type":"PathPrefix","value":"/"}}],"backendRefs":[{"name":"payments","port":8080,"weight":5}]},
                   {"matches":[{"path":{"type":"PathPrefix","value":"/docs"}}],"backendRefs":[{"name":"docs","port":80}]}]}}
                """).asObject();
    }

    private static JsonObject withRules(JsonObject route, JsonArray rules) {
        JsonObject copy = Json.parse(route.toString()).asObject();
        copy.get("spec").asObject().set("rules", rules);
        return copy;
    }

    private static String refusal(Runnable call) {
        return assertThrows(RoutingException.class, call::run).getMessage();
    }

    @Test
    public void everyRuleToTheStableServiceIsSplitAsPercentages() {
        JsonArray rules = HttpRouteWeights.rulesWithCanary(route(), "payments", "payments-canary", null, 25);
        assertEquals(Json.parse("""
                [{"name":"api","matches":[{"path":{"type":"PathPrefix","value":"/api"}}],
                  "backendRefs":[{"name":"payments","port":8080,"weight":75},{"name":"payments-canary","port":8080,"weight":25}]},
                 {"matches":[{"path":{"type":"PathPrefix","value":"/"}}],
                  "backendRefs":[{"name":"payments","port":8080,"weight":75},{"name":"payments-canary","port":8080,"weight":25}]},
                 {"matches":[{"path":{"type":"PathPrefix","value":"/docs"}}],"backendRefs":[{"name":"docs","port":80}]}]
                """), rules);
        JsonObject shifted = withRules(route(), rules);
        assertEquals(25, HttpRouteWeights.canaryWeight(shifted, "payments", "payments-canary", null));
        assertEquals("the route as read is not changed", 5,
                route().get("spec").asObject().get("rules").asArray().get(1).asObject().get("backendRefs").asArray().get(0).asObject().getInt("weight", 0));
    }

    @Test
    public void aNamedRuleIsTheOnlyOneSplit() {
        JsonObject shifted = withRules(route(), HttpRouteWeights.rulesWithCanary(route(), "payments", "payments-canary", "api", 10));
        assertEquals(10, HttpRouteWeights.canaryWeight(shifted, "payments", "payments-canary", "api"));
        RoutingException e = assertThrows(RoutingException.class,
                () -> HttpRouteWeights.canaryWeight(shifted, "payments", "payments-canary", null));
        assertEquals("httproute prod/payments gives the canary different shares in different rules [0, 10]: name one rule with"
                + " the router's rule parameter, or make the rules agree", e.getMessage());
    }

    @Test
    public void movingTheWeightAgainUpdatesTheSameBackendsAndAHundredSendsEverything() {
        JsonObject at10 = withRules(route(), HttpRouteWeights.rulesWithCanary(route(), "payments", "payments-canary", "api", 10));
        JsonObject at100 = withRules(at10, HttpRouteWeights.rulesWithCanary(at10, "payments", "payments-canary", "api", 100));
        assertEquals(Json.parse("[{\"name\":\"payments\",\"port\":8080,\"weight\":0},{\"name\":\"payments-canary\",\"port\":8080,\"weight\":100}]"),
                at100.get("spec").asObject().get("rules").asArray().get(0).asObject().get("backendRefs"));
        assertEquals(100, HttpRouteWeights.canaryWeight(at100, "payments", "payments-canary", "api"));
    }

    @Test
    public void resetRemovesTheCanaryBackendAndTheWeightsItOwned() {
        JsonObject shifted = withRules(route(), HttpRouteWeights.rulesWithCanary(route(), "payments", "payments-canary", null, 50));
        JsonArray reset = HttpRouteWeights.rulesWithoutCanary(shifted, "payments", "payments-canary", null);
        assertEquals(Json.parse("[{\"name\":\"payments\",\"port\":8080}]"), reset.get(0).asObject().get("backendRefs"));
        assertEquals(0, HttpRouteWeights.canaryWeight(withRules(shifted, reset), "payments", "payments-canary", null));
    }

    @Test
    public void aRouteWithoutTheStableServiceOrTheNamedRuleIsRefused() {
        assertEquals("httproute prod/payments has no rule with a backendRef to service checkout: name the route that serves"
                + " the stable Service", refusal(() -> HttpRouteWeights.rulesWithCanary(route(), "checkout", "checkout-canary", null, 10)));
        assertEquals("httproute prod/payments has no rule named 'web' (its rules: [api, (unnamed), (unnamed)]) with a backendRef"
                + " to service payments: name the route that serves the stable Service",
                refusal(() -> HttpRouteWeights.rulesWithCanary(route(), "payments", "payments-canary", "web", 10)));
    }

    @Test
    public void aThirdBackendOrABackendThatIsNoServiceIsRefused() {
        JsonObject third = Json.parse("""
                {"metadata":{"name":"payments","namespace":"prod"},"spec":{"rules":[{"backendRefs":[
                  {"name":"payments","port":80,"weight":90},{"name":"payments-v2","port":80,"weight":10}]}]}}
                """).asObject();
        assertEquals("httproute prod/payments splits a rule between payments and payments-v2 already: with a third backend the"
                + " canary's share would not be what the step says; give the canary a rule of its own (name it with the router's"
                + " rule parameter)", refusal(() -> HttpRouteWeights.rulesWithCanary(third, "payments", "payments-canary", null, 10)));
        JsonObject foreignKind = Json.parse("""
                {"metadata":{"name":"payments","namespace":"prod"},"spec":{"rules":[{"backendRefs":[
                  {"name":"payments","port":80},{"group":"multicluster.x-k8s.io","kind":"ServiceImport","name":"payments-east"}]}]}}
                """).asObject();
        assertEquals("httproute prod/payments leads to ServiceImport payments-east, which is not a Service: the split needs"
                + " Service backends", refusal(() -> HttpRouteWeights.rulesWithCanary(foreignKind, "payments", "payments-canary", null, 10)));
    }
}
