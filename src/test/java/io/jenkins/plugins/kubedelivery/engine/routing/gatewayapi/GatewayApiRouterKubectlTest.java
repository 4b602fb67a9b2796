package io.jenkins.plugins.kubedelivery.engine.routing.gatewayapi;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteReading;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteWeightRouter;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteRouterChecks;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingCluster;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingException;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingObjects;
import io.jenkins.plugins.kubedelivery.engine.routing.TrafficRouter;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * The Gateway API router with the real kubectl against the simulated cluster serving the HTTPRoute
 * CRD: weights moved and read back, state recorded, a reset, a concurrent edit retried or refused,
 * and the shapes it must not guess about refused.
 */
@RunWith(Parameterized.class)
public class GatewayApiRouterKubectlTest {
    private static final String BUILD = "https://jenkins.example.org/job/payments/42/";

    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster().withFixtureCrds();

    private final String kubectlVersion;
    private RoutingCluster bench;
    private TrafficRouter router;

    public GatewayApiRouterKubectlTest(String kubectlVersion) {
        this.kubectlVersion = kubectlVersion;
    }

    @Parameters(name = "kubectl {0}")
    public static Collection<Object[]> versions() {
        return Tools.kubectlParameters();
    }

    @Before
    public void routeToStable() throws Exception {
        bench = new RoutingCluster(fixture, cluster, kubectlVersion);
        bench.kubectl(0, "create", "namespace", "prod");
        bench.apply("""
                {"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"payments","namespace":"prod"},
                 "spec":{"parentRefs":[{"name":"public"}],"rules":[
                   {"name":"api","matches":[{"path":{"type":"PathPrefix","value":"/api"}}],"backendRefs":[{"name":"payments","port":8080}]},
                   {"name":"docs","backendRefs":[{"name":"docs","port":80}]}]}}
                """);
        router = router(bench.objects(), "api");
    }

    private RouteWeightRouter router(RoutingObjects objects, String rule) {
        return new RouteWeightRouter(objects, bench.log(), "prod",
                new HttpRouteSplit("payments", "payments", "payments-canary", rule));
    }

    private static RouteState state(int weight, int step) {
        return new RouteState(weight, "payments-canary", step, BUILD);
    }

    private JsonObject route() throws Exception {
        return bench.get("httproute", "payments", "prod");
    }

    private static JsonArray rules(JsonObject route) {
        return route.get("spec").asObject().get("rules").asArray();
    }

    @Test
    public void weightsMoveTenFiftyHundredAndReadBackWithTheirState() throws Exception {
        assertEquals(RouteReading.NO_CANARY, router.read());
        JsonValue docsRule = rules(route()).get(1);
        int step = 0;
        for (int weight : new int[] {10, 50, 100}) {
            int before = bench.calls();
            RouteReading written = router.setWeight(state(weight, step));
            assertEquals("one replace from the route as last read or written", 1, bench.calls() - before);
            assertEquals(weight, written.weight());
            RouteReading read = router.read();
            assertEquals(new RouteReading(weight, Optional.of(state(weight, step))), read);
            assertTrue(read.matchesRecord());
            assertEquals(weight, HttpRouteWeights.canaryWeight(route(), "payments", "payments-canary", "api"));
            step++;
        }
        String rules = rules(route()).toString();
        assertThat(rules, containsString("\"name\":\"payments\",\"port\":8080,\"weight\":0}"));
        assertThat(rules, containsString("\"name\":\"payments-canary\",\"port\":8080,\"weight\":100}"));
        assertEquals("the other rule is the user's, untouched", docsRule, rules(route()).get(1));
    }

    @Test
    public void aServerDryRunChecksTheWeightAndItsResetAndChangesNothing() throws Exception {
        router.setWeight(state(10, 0));
        JsonObject before = route();
        TrafficRouter dryRun = new RouteWeightRouter(bench.objects().serverDryRun(line -> {}), line -> {}, "prod",
                new HttpRouteSplit("payments", "payments", "payments-canary", "api"));
        assertEquals(50, dryRun.setWeight(state(50, 1)).weight());
        dryRun.reset();
        assertEquals(before, route());
    }

    @Test
    public void aDryRunOverTheRoutersObjectsServesItsFirstWeightWithItsRead() throws Exception {
        RoutingObjects objects = bench.objects();
        HttpRouteSplit split = new HttpRouteSplit("payments", "payments", "payments-canary", "api");
        TrafficRouter real = new RouteWeightRouter(objects, bench.log(), "prod", split);
        TrafficRouter dryRun = new RouteWeightRouter(objects.serverDryRun(line -> {}), line -> {}, "prod", split);
        JsonObject before = route();
        assertEquals(10, dryRun.setWeight(state(10, 0)).weight());
        assertEquals("the dry run changed nothing", before, route());
        int calls = bench.calls();
        assertEquals(10, real.setWeight(state(10, 0)).weight());
        assertEquals("one replace, conditional on the route as the dry run read it", 1, bench.calls() - calls);
        assertEquals(10, HttpRouteWeights.canaryWeight(route(), "payments", "payments-canary", "api"));
    }

    @Test
    public void resetReturnsAllTrafficToStableAndRemovesTheCanaryAndItsState() throws Exception {
        router.setWeight(state(25, 1));
        int before = bench.calls();
        router.reset();
        assertEquals("one replace from the route as last written", 1, bench.calls() - before);
        assertEquals(RouteReading.NO_CANARY, router.read());
        JsonObject route = route();
        assertFalse(route.toString(), route.toString().contains("payments-canary"));
        assertFalse(route.toString(), route.toString().contains(RouteState.ANNOTATION));
        router.reset(); // nothing routed: nothing written
        assertThat(fixture.logText(), containsString("all traffic is on stable already"));
    }

    @Test
    public void anUnrelatedEditBetweenReadAndWriteIsRetriedAndKept() throws Exception {
        router.setWeight(state(10, 0));
        bench.beforeNextWrites(List.of("label", "httproute", "payments", "-n", "prod", "team=payments"));
        int before = bench.writes();
        assertEquals(50, router.setWeight(state(50, 1)).weight());
        assertEquals("one write refused by the precondition, one accepted", 2, bench.writes() - before);
        assertEquals("payments", route().get("metadata").asObject().get("labels").asObject().getString("team", null));
        assertEquals(50, router.read().weight());
        assertThat(fixture.logText(), containsString("httproute prod/payments changed after the plugin last wrote or read it (attempt 1 of 3)"));
    }

    @Test
    public void anEditOfTheWeightsBetweenReadAndWriteIsRefusedAndKept() throws Exception {
        router.setWeight(state(10, 0));
        bench.beforeNextWrites(bench.mergePatch("httproute", "payments", "prod", """
                {"metadata":{"annotations":{"kube-delivery.io/canary":"{\\"weight\\":10,\\"canaryRelease\\":\\"payments-canary\\",\\"step\\":0,\\"build\\":\\"other\\"}"}}}
                """));
        RoutingException refused = assertThrows(RoutingException.class, () -> router.setWeight(state(50, 1)));
        assertThat(refused.getMessage(), containsString("touched what the plugin owns"));
        assertEquals("the other build's state stands", "other", router.read().recorded().orElseThrow().build());
        assertEquals(10, router.read().weight());
    }

    @Test
    public void anEditOnEveryAttemptEndsTheRetries() throws Exception {
        router.setWeight(state(10, 0));
        for (int i = 0; i < RoutingObjects.ATTEMPTS; i++) {
            bench.beforeNextWrites(List.of("label", "httproute", "payments", "-n", "prod", "--overwrite", "edit=" + i));
        }
        RoutingException refused = assertThrows(RoutingException.class, () -> router.setWeight(state(50, 1)));
        assertThat(refused.getMessage(), containsString("changed between read and write on each of 3 attempts"));
        assertEquals(10, router.read().weight());
    }

    @Test
    public void aRuleWithAThirdBackendIsRefusedBeforeAnyWrite() throws Exception {
        TrafficRouter docs = new RouteWeightRouter(bench.objects(), bench.log(), "prod",
                new HttpRouteSplit("payments", "docs", "docs-canary", null));
        bench.apply("""
                {"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"payments","namespace":"prod"},
                 "spec":{"parentRefs":[{"name":"public"}],"rules":[
                   {"name":"docs","backendRefs":[{"name":"docs","port":80,"weight":9},{"name":"docs-v2","port":80,"weight":1}]}]}}
                """);
        int before = bench.writes();
        RoutingException refused = assertThrows(RoutingException.class, () -> docs.setWeight(state(10, 0)));
        assertThat(refused.getMessage(), containsString("third backend"));
        assertEquals(0, bench.writes() - before);
    }

    @Test
    public void aMissingRouteIsNamed() throws Exception {
        TrafficRouter missing = new RouteWeightRouter(bench.objects(), bench.log(), "prod",
                new HttpRouteSplit("orders", "orders", "orders-canary", null));
        RoutingException refused = assertThrows(RoutingException.class, () -> missing.setWeight(state(10, 0)));
        assertThat(refused.getMessage(), containsString("httproute prod/orders does not exist"));
    }

    @Test
    public void aChangeBetweenTwoWritesIsCaughtByThePreconditionAndTheResetStillReachesZero() throws Exception {
        RouteRouterChecks.aChangeBetweenTwoWritesIsCaughtAndTheResetStillReachesZero(bench, router, "httproute", """
                [{"op":"replace","path":"/spec/rules/0/backendRefs/1/weight","value":40},{"op":"replace","path":"/spec/rules/0/backendRefs/0/weight","value":60}]
                """);
    }

    @Test
    public void aNewExecutionReadsOnceThenOnlyWrites() throws Exception {
        RouteRouterChecks.aNewExecutionReadsOnceThenOnlyWrites(bench, router, () -> router(bench.objects(), "api"));
    }
}
