package io.jenkins.plugins.kubedelivery.engine.routing.istio;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteReading;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteWeightRouter;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteRouterChecks;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingCluster;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingException;
import io.jenkins.plugins.kubedelivery.engine.routing.TrafficRouter;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.util.Collection;
import java.util.Optional;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * The Istio router with the real kubectl against the simulated cluster serving the VirtualService
 * CRD: route weights moved (100/0 written explicitly) and read back with their state, a reset, a
 * concurrent edit retried or refused, a route with a third destination refused.
 */
@RunWith(Parameterized.class)
public class IstioRouterKubectlTest {
    private static final String BUILD = "https://jenkins.example.org/job/payments/7/";

    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster().withFixtureCrds();

    private final String kubectlVersion;
    private RoutingCluster bench;
    private TrafficRouter router;

    public IstioRouterKubectlTest(String kubectlVersion) {
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
                {"apiVersion":"networking.istio.io/v1","kind":"VirtualService","metadata":{"name":"payments","namespace":"prod"},
                 "spec":{"hosts":["payments.example.org"],"http":[
                   {"name":"primary","route":[{"destination":{"host":"payments.prod.svc.cluster.local","port":{"number":8080}}}]},
                   {"name":"legacy","route":[{"destination":{"host":"payments-v1"}}]}]}}
                """);
        router = router("primary");
    }

    private TrafficRouter router(String route) {
        return new RouteWeightRouter(bench.objects(), bench.log(), "prod",
                new VirtualServiceSplit("payments", "payments", "payments-canary", route));
    }

    private static RouteState state(int weight, int step) {
        return new RouteState(weight, "payments-canary", step, BUILD);
    }

    private JsonArray http() throws Exception {
        return bench.get("virtualservice", "payments", "prod").get("spec").asObject().get("http").asArray();
    }

    @Test
    public void weightsMoveTenFiftyHundredAndReadBackWithTheirState() throws Exception {
        assertEquals(RouteReading.NO_CANARY, router.read());
        Object legacy = http().get(1);
        int step = 0;
        for (int weight : new int[] {10, 50, 100}) {
            assertEquals(weight, router.setWeight(state(weight, step)).weight());
            assertEquals(new RouteReading(weight, Optional.of(state(weight, step))), router.read());
            step++;
        }
        String primary = http().get(0).toString();
        assertThat("100/0 is written explicitly", primary, containsString(
                "{\"destination\":{\"host\":\"payments.prod.svc.cluster.local\",\"port\":{\"number\":8080}},\"weight\":0}"));
        assertThat(primary, containsString(
                "{\"destination\":{\"host\":\"payments-canary.prod.svc.cluster.local\",\"port\":{\"number\":8080}},\"weight\":100}"));
        assertEquals("the other http route is the user's, untouched", legacy, http().get(1));
    }

    @Test
    public void aServerDryRunChecksTheWeightAndChangesNothing() throws Exception {
        JsonObject before = bench.get("virtualservice", "payments", "prod");
        TrafficRouter dryRun = new RouteWeightRouter(bench.objects().serverDryRun(line -> {}), line -> {}, "prod",
                new VirtualServiceSplit("payments", "payments", "payments-canary", "primary"));
        assertEquals(10, dryRun.setWeight(state(10, 0)).weight());
        assertEquals(before, bench.get("virtualservice", "payments", "prod"));
    }

    @Test
    public void resetReturnsAllTrafficToStableAndRemovesTheCanaryAndItsState() throws Exception {
        router.setWeight(state(50, 2));
        router.reset();
        assertEquals(RouteReading.NO_CANARY, router.read());
        JsonObject vs = bench.get("virtualservice", "payments", "prod");
        assertFalse(vs.toString(), vs.toString().contains("payments-canary"));
        assertFalse(vs.toString(), vs.toString().contains(RouteState.ANNOTATION));
        assertThat(http().get(0).toString(), containsString("\"weight\":100"));
    }

    @Test
    public void anUnrelatedEditBetweenReadAndWriteIsRetriedAndKept() throws Exception {
        router.setWeight(state(10, 0));
        bench.beforeNextWrites(bench.mergePatch("virtualservice", "payments", "prod", """
                {"spec":{"gateways":["mesh","public"]}}
                """));
        assertEquals(50, router.setWeight(state(50, 1)).weight());
        assertEquals("[\"mesh\",\"public\"]", bench.get("virtualservice", "payments", "prod").get("spec").asObject()
                .get("gateways").toString());
        assertThat(fixture.logText(), containsString("virtualservice prod/payments changed after the plugin last wrote or read it (attempt 1 of 3)"));
    }

    @Test
    public void aHandEditOfTheWeightsBetweenReadAndWriteIsRefusedAndKept() throws Exception {
        router.setWeight(state(10, 0));
        bench.beforeNextWrites(bench.patch("json", "virtualservice", "payments", "prod", """
                [{"op":"replace","path":"/spec/http/0/route/1/weight","value":0},
                 {"op":"replace","path":"/spec/http/0/route/0/weight","value":100}]
                """));
        RoutingException refused = assertThrows(RoutingException.class, () -> router.setWeight(state(50, 1)));
        assertThat(refused.getMessage(), containsString("touched what the plugin owns there (canary weight 10,"
                + " recorded state 10% for payments-canary at step 0 by " + BUILD + " became canary weight 0,"));
        RouteReading now = router.read();
        assertEquals("the person's weight stands", 0, now.weight());
        assertFalse("and differs from what the plugin recorded", now.matchesRecord());
    }

    @Test
    public void aRouteWithAThirdDestinationIsRefused() throws Exception {
        bench.apply("""
                {"apiVersion":"networking.istio.io/v1","kind":"VirtualService","metadata":{"name":"payments","namespace":"prod"},
                 "spec":{"hosts":["payments.example.org"],"http":[
                   {"name":"primary","route":[{"destination":{"host":"payments"},"weight":80},{"destination":{"host":"payments-v1"},"weight":20}]}]}}
                """);
        RoutingException refused = assertThrows(RoutingException.class, () -> router.setWeight(state(10, 0)));
        assertThat(refused.getMessage(), containsString("also leads to payments-v1"));
    }

    @Test
    public void aChangeBetweenTwoWritesIsCaughtByThePreconditionAndTheResetStillReachesZero() throws Exception {
        RouteRouterChecks.aChangeBetweenTwoWritesIsCaughtAndTheResetStillReachesZero(bench, router, "virtualservice", """
                [{"op":"replace","path":"/spec/http/0/route/1/weight","value":40},{"op":"replace","path":"/spec/http/0/route/0/weight","value":60}]
                """);
    }

    @Test
    public void aNewExecutionReadsOnceThenOnlyWrites() throws Exception {
        RouteRouterChecks.aNewExecutionReadsOnceThenOnlyWrites(bench, router, () -> router("primary"));
    }
}
