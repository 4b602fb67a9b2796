package io.jenkins.plugins.kubedelivery.engine.routing.istio;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingException;
import org.junit.Test;

public class VirtualServiceWeightsTest {
    private static JsonObject virtualService() {
        return Json.parse("""
                {"apiVersion":"networking.istio.io/v1","kind":"VirtualService",
                 "metadata":{"name":"payments","namespace":"prod","resourceVersion":"7"},
                 "spec":{"hosts":["pay.example.com"],"gateways":["public"],"http":[
                   {"name":"primary","match":[{"uri":{"prefix":"/"}}],
                    "route":[{"destination":{"host":"payments.prod.svc.cluster.local","port":{"number":8080}}}]},
                   {"name":"docs","route":[{"destination":{"host":"docs"}}]}]}}
                """).asObject();
    }

    private static JsonObject withHttp(JsonObject vs, JsonArray http) {
        JsonObject copy = Json.parse(vs.toString()).asObject();
        copy.get("spec").asObject().set("http", http);
        return copy;
    }

    private static String refusal(Runnable call) {
        return assertThrows(RoutingException.class, call::run).getMessage();
    }

    @Test
    public void theCanaryGetsItsOwnDestinationInTheStableHostsFormAndBothWeightsAreExplicit() {
        JsonArray http = VirtualServiceWeights.httpWithCanary(virtualService(), "payments", "payments-canary", null, 0);
        assertEquals(Json.parse("""
                [{"destination":{"host":"payments.prod.svc.cluster.local","port":{"number":8080}},"weight":100},
                 {"destination":{"host":"payments-canary.prod.svc.cluster.local","port":{"number":8080}},"weight":0}]
                """), http.get(0).asObject().get("route"));
        assertEquals("another route is untouched", virtualService().get("spec").asObject().get("http").asArray().get(1), http.get(1));
        JsonObject at30 = withHttp(virtualService(), VirtualServiceWeights.httpWithCanary(withHttp(virtualService(), http),
                "payments", "payments-canary", "primary", 30));
        assertEquals(30, VirtualServiceWeights.canaryWeight(at30, "payments", "payments-canary", "primary"));
        assertEquals(70, at30.get("spec").asObject().get("http").asArray().get(0).asObject().get("route").asArray().get(0)
                .asObject().getInt("weight", -1));
    }

    @Test
    public void resetLeavesTheStableDestinationAloneAtAHundred() {
        JsonObject at30 = withHttp(virtualService(), VirtualServiceWeights.httpWithCanary(virtualService(), "payments",
                "payments-canary", null, 30));
        JsonArray reset = VirtualServiceWeights.httpWithoutCanary(at30, "payments", "payments-canary", null);
        assertEquals(Json.parse("[{\"destination\":{\"host\":\"payments.prod.svc.cluster.local\",\"port\":{\"number\":8080}},"
                + "\"weight\":100}]"), reset.get(0).asObject().get("route"));
        assertEquals(0, VirtualServiceWeights.canaryWeight(withHttp(at30, reset), "payments", "payments-canary", null));
    }

    @Test
    public void shortAndQualifiedHostsOfTheNamespaceAllCount() {
        for (String host : new String[] {"payments", "payments.prod", "payments.prod.svc", "payments.prod.svc.cluster.local"}) {
            JsonObject vs = Json.parse("{\"metadata\":{\"name\":\"p\",\"namespace\":\"prod\"},\"spec\":{\"http\":[{\"route\":"
                    + "[{\"destination\":{\"host\":\"" + host + "\"}}]}]}}").asObject();
            JsonArray http = VirtualServiceWeights.httpWithCanary(vs, "payments", "payments-canary", null, 10);
            assertEquals(host, "payments-canary" + host.substring("payments".length()),
                    http.get(0).asObject().get("route").asArray().get(1).asObject().get("destination").asObject().getString("host", null));
        }
        JsonObject otherNamespace = Json.parse("{\"metadata\":{\"name\":\"p\",\"namespace\":\"prod\"},\"spec\":{\"http\":[{\"route\":"
                + "[{\"destination\":{\"host\":\"payments.stage.svc.cluster.local\"}}]}]}}").asObject();
        assertEquals("virtualservice prod/p has no http route with a destination to service payments: name the VirtualService"
                + " and route that serve the stable Service",
                refusal(() -> VirtualServiceWeights.httpWithCanary(otherNamespace, "payments", "payments-canary", null, 10)));
    }

    @Test
    public void severalRoutesToTheStableServiceNeedANameAndAThirdDestinationIsRefused() {
        JsonObject two = Json.parse("""
                {"metadata":{"name":"payments","namespace":"prod"},"spec":{"http":[
                  {"name":"mobile","route":[{"destination":{"host":"payments"}}]},
                  {"name":"web","route":[{"destination":{"host":"payments"}}]}]}}
                """).asObject();
        assertEquals("virtualservice prod/payments has 2 http routes to service payments [mobile, web]: name the one to split"
                + " with the router's route parameter (give it a name in the VirtualService if it has none)",
                refusal(() -> VirtualServiceWeights.httpWithCanary(two, "payments", "payments-canary", null, 10)));
        assertEquals(10, VirtualServiceWeights.canaryWeight(withHttp(two, VirtualServiceWeights.httpWithCanary(two, "payments",
                "payments-canary", "web", 10)), "payments", "payments-canary", "web"));
        JsonObject mirrored = Json.parse("""
                {"metadata":{"name":"payments","namespace":"prod"},"spec":{"http":[{"name":"primary","route":[
                  {"destination":{"host":"payments"},"weight":90},{"destination":{"host":"payments-v2"},"weight":10}]}]}}
                """).asObject();
        assertEquals("virtualservice prod/payments route primary also leads to payments-v2: with a third destination the"
                + " canary's share would not be what the step says",
                refusal(() -> VirtualServiceWeights.httpWithCanary(mirrored, "payments", "payments-canary", null, 10)));
    }
}
