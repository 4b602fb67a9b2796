package io.jenkins.plugins.kubedelivery.engine.routing;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.function.Supplier;

/**
 * What every {@link RouteWeightRouter} must do on the simulated cluster whatever its route kind (HTTPRoute,
 * VirtualService): write from the route as it last wrote it, catch a change made in between, and still reach
 * weight 0; and, as a new execution, read once and then only write.
 */
public final class RouteRouterChecks {
    private static final String BUILD = "payments/main #3";

    private RouteRouterChecks() {}

    private static RouteState state(int weight, int step) {
        return new RouteState(weight, "payments-canary", step, BUILD);
    }

    /**
     * @param resource the route's kubectl resource ({@code httproute})
     * @param weightTo40 a JSON patch, as a person would send it, that gives the canary 40%
     */
    public static void aChangeBetweenTwoWritesIsCaughtAndTheResetStillReachesZero(RoutingCluster bench, TrafficRouter router,
            String resource, String weightTo40) throws Exception {
        router.setWeight(state(10, 0));
        bench.kubectl(0, bench.patch("json", resource, "payments", "prod", weightTo40).toArray(String[]::new));
        RoutingException refused = assertThrows(RoutingException.class, () -> router.setWeight(state(50, 1)));
        assertThat(refused.getMessage(), containsString("touched what the plugin owns"));
        assertEquals("the person's weight stands", 40, router.read().weight());
        bench.kubectl(0, "label", resource, "payments", "-n", "prod", "audited=yes");
        int before = bench.calls();
        router.reset();
        assertEquals("the replace refused (409), a read, the replace", 3, bench.calls() - before);
        assertEquals("all traffic on stable", RouteReading.NO_CANARY, router.read());
    }

    /** @param resumed a router over new objects, as a new execution after a controller restart builds it */
    public static void aNewExecutionReadsOnceThenOnlyWrites(RoutingCluster bench, TrafficRouter router,
            Supplier<TrafficRouter> resumed) throws Exception {
        router.setWeight(state(10, 0));
        TrafficRouter next = resumed.get();
        int before = bench.calls();
        assertEquals(state(10, 0), next.read().recorded().orElseThrow());
        assertEquals(25, next.setWeight(state(25, 1)).weight());
        next.reset();
        assertEquals("one read, two replaces", 3, bench.calls() - before);
        assertEquals(RouteReading.NO_CANARY, next.read());
    }
}
