package io.jenkins.plugins.kubedelivery.engine.routing.replicas;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.kubedelivery.engine.routing.RouteReading;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingCluster;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingException;
import io.jenkins.plugins.kubedelivery.engine.routing.TrafficRouter;
import io.jenkins.plugins.kubedelivery.engine.routing.replicas.ReplicasRouter.Side;
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
 * The replicas router with the real kubectl against the simulated cluster: the two releases'
 * Deployments scaled to the canary's share, read back with the recorded state, restored on reset,
 * concurrent edits retried or refused, and a Deployment of another release never scaled.
 */
@RunWith(Parameterized.class)
public class ReplicasRouterKubectlTest {
    private static final String BUILD = "payments/main #3";

    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster();

    private final String kubectlVersion;
    private RoutingCluster bench;
    private TrafficRouter router;

    public ReplicasRouterKubectlTest(String kubectlVersion) {
        this.kubectlVersion = kubectlVersion;
    }

    @Parameters(name = "kubectl {0}")
    public static Collection<Object[]> versions() {
        return Tools.kubectlParameters();
    }

    @Before
    public void twoReleases() throws Exception {
        bench = new RoutingCluster(fixture, cluster, kubectlVersion);
        bench.kubectl(0, "create", "namespace", "prod");
        bench.apply(deployment("payments", "payments", 4, "1.0"));
        bench.apply(deployment("payments-canary", "payments-canary", 1, "1.1"));
        router = new ReplicasRouter(bench.objects(), bench.log(), "prod", new Side("payments", "payments"),
                new Side("payments-canary", "payments-canary"));
    }

    /** A Deployment as helm installs it: annotated with its release. */
    private static String deployment(String name, String release, int replicas, String version) {
        return """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"NAME","namespace":"prod",
                  "annotations":{"meta.helm.sh/release-name":"RELEASE","meta.helm.sh/release-namespace":"prod"}},
                 "spec":{"replicas":REPLICAS,"selector":{"matchLabels":{"app":"payments","version":"VERSION"}},
                  "template":{"metadata":{"labels":{"app":"payments","version":"VERSION"}},
                   "spec":{"containers":[{"name":"app","image":"example.org/payments:VERSION"}]}}}}
                """.replace("NAME", name).replace("RELEASE", release).replace("REPLICAS", Integer.toString(replicas))
                .replace("VERSION", version);
    }

    private static RouteState state(int weight, int step) {
        return new RouteState(weight, "payments-canary", step, BUILD);
    }

    private int replicas(String deployment) throws Exception {
        return bench.get("deployment", deployment, "prod").get("spec").asObject().getInt("replicas", -1);
    }

    @Test
    public void theSplitFollowsTenFiftyHundredAndReadsBackTheShareReached() throws Exception {
        int[][] expected = {{10, 3, 1, 25}, {50, 2, 2, 50}, {100, 0, 4, 100}};
        int step = 0;
        for (int[] row : expected) {
            // No count of calls here: the deployment controller writes status after each scale, so a replace
            // from a read taken during that churn conflicts and is retried (what the plugin owns is unchanged).
            RouteReading written = router.setWeight(state(row[0], step));
            assertEquals(row[3], written.weight());
            assertEquals(row[1], replicas("payments"));
            assertEquals(row[2], replicas("payments-canary"));
            assertEquals("the share reached is recorded", new RouteReading(row[3], Optional.of(state(row[3], step))),
                    router.read());
            step++;
        }
        assertThat(fixture.logText(), containsString("Canary at 1 of 4 pods (25%, asked 10%) behind the stable Service"));
    }

    @Test
    public void aServerDryRunChecksBothScalesAndChangesNothing() throws Exception {
        TrafficRouter dryRun = new ReplicasRouter(bench.objects().serverDryRun(line -> {}), line -> {}, "prod",
                new Side("payments", "payments"), new Side("payments-canary", "payments-canary"));
        assertEquals(50, dryRun.setWeight(state(50, 0)).weight());
        assertEquals(4, replicas("payments"));
        assertEquals(1, replicas("payments-canary"));
    }

    @Test
    public void resetRestoresTheStablePodCountAndEmptiesTheCanary() throws Exception {
        router.setWeight(state(50, 0));
        router.reset();
        assertEquals(4, replicas("payments"));
        assertEquals(0, replicas("payments-canary"));
        assertEquals(RouteReading.NO_CANARY, router.read());
    }

    @Test
    public void anUnrelatedEditBetweenReadAndWriteIsKeptWithoutAConflict() throws Exception {
        // Once the canary records its state, the patches test only what the router owns (uid, release, its annotations,
        // replicas), not the whole resourceVersion (tested while there is no state yet, a JSON patch testing no absence).
        router.setWeight(state(10, 0));
        bench.beforeNextWrites(List.of("label", "deployment", "payments-canary", "-n", "prod", "audited=yes"));
        int before = bench.writes();
        assertEquals(50, router.setWeight(state(50, 1)).weight());
        assertEquals("one patch per Deployment, none refused", 2, bench.writes() - before);
        assertEquals(2, replicas("payments-canary"));
        assertEquals(2, replicas("payments"));
        assertEquals("yes", bench.get("deployment", "payments-canary", "prod").get("metadata").asObject().get("labels").asObject()
                .getString("audited", null));
    }

    @Test
    public void aStableScaledByHandBetweenReadAndWriteIsRefusedAndKept() throws Exception {
        // After the router read both: the canary grows first, and the stable's write must not undo the person's scale.
        bench.beforeNextWrites(List.of("scale", "deployment", "payments", "-n", "prod", "--replicas=6"));
        RoutingException refused = assertThrows(RoutingException.class, () -> router.setWeight(state(10, 0)));
        assertThat(refused.getMessage(), containsString("deployment prod/payments changed between the plugin's last write (or read) and its"
                + " write, and the change touched what the plugin owns there (4 became 6)"));
        assertEquals(6, replicas("payments"));
    }

    @Test
    public void aDeploymentOfAnotherReleaseIsNeverScaled() throws Exception {
        bench.apply(deployment("payments-canary", "someone-else", 1, "1.1"));
        RoutingException refused = assertThrows(RoutingException.class, () -> router.setWeight(state(10, 0)));
        assertThat(refused.getMessage(), containsString("deployment prod/payments-canary belongs to Helm release someone-else,"
                + " not to payments-canary"));
        assertThrows(RoutingException.class, router::reset);
        assertEquals(4, replicas("payments"));
        assertEquals(1, replicas("payments-canary"));
    }

    @Test
    public void eachStepIsOnePatchPerDeploymentWithNoReadWhileTheControllerWritesTheirStatus() throws Exception {
        router.setWeight(state(10, 0));
        int before = bench.calls();
        assertEquals(50, router.setWeight(state(50, 1)).weight());
        assertEquals(75, router.setWeight(state(75, 2)).weight());
        assertEquals("two patches per step, none refused", 4, bench.calls() - before);
        assertEquals(1, replicas("payments"));
        assertEquals(3, replicas("payments-canary"));
        before = bench.calls();
        router.reset();
        assertEquals("the canary to 0 first (weight 0 in one call), then stable back", 2, bench.calls() - before);
        assertEquals(4, replicas("payments"));
        assertEquals(0, replicas("payments-canary"));
    }

    @Test
    public void aChangeBetweenTwoWritesIsCaughtByTheTestsAndTheResetStillReachesZero() throws Exception {
        router.setWeight(state(50, 0));
        // A person scales the canary between the plugin's writes: the patch's test of its replicas fails (422).
        bench.kubectl(0, "scale", "deployment", "payments-canary", "-n", "prod", "--replicas=3");
        RoutingException refused = assertThrows(RoutingException.class, () -> router.setWeight(state(75, 1)));
        assertThat(refused.getMessage(), containsString("touched what the plugin owns"));
        assertEquals(3, replicas("payments-canary"));
        router.reset();
        assertEquals(0, replicas("payments-canary"));
        assertEquals(4, replicas("payments"));
        assertEquals(RouteReading.NO_CANARY, router.read());
    }

    @Test
    public void aResetAfterPromotionGrowsStableFirstSoTheServiceKeepsPods() throws Exception {
        router.setWeight(state(100, 0));
        assertEquals(0, replicas("payments"));
        router.reset();
        assertEquals(4, replicas("payments"));
        assertEquals(0, replicas("payments-canary"));
    }

    @Test
    public void aNewExecutionReadsOnceThenOnlyWrites() throws Exception {
        router.setWeight(state(50, 0));
        TrafficRouter resumed = new ReplicasRouter(bench.objects(), bench.log(), "prod", new Side("payments", "payments"),
                new Side("payments-canary", "payments-canary"));
        int before = bench.calls();
        assertEquals(state(50, 0), resumed.read().recorded().orElseThrow());
        assertEquals(75, resumed.setWeight(state(75, 1)).weight());
        assertEquals("a read of each Deployment, then a patch of each", 4, bench.calls() - before);
    }
}
