package io.jenkins.plugins.kubedelivery.engine.routing.nginx;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteReading;
import io.jenkins.plugins.kubedelivery.engine.routing.KubeResource;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import io.jenkins.plugins.kubedelivery.engine.routing.RecordChangedException;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingCluster;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingObjects;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingException;
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
 * The nginx router with the real kubectl against the simulated cluster: the plugin's canary Ingress
 * created, moved and read back, deleted on reset with preconditions, concurrent edits retried or
 * refused, and an Ingress it does not own, or a second canary, refused.
 */
@RunWith(Parameterized.class)
public class NginxRouterKubectlTest {
    private static final String PREFIX = NginxCanaryIngress.DEFAULT_ANNOTATION_PREFIX;
    private static final String BUILD = "payments/main #12";

    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster();

    private final String kubectlVersion;
    private RoutingCluster bench;
    private TrafficRouter router;

    public NginxRouterKubectlTest(String kubectlVersion) {
        this.kubectlVersion = kubectlVersion;
    }

    @Parameters(name = "kubectl {0}")
    public static Collection<Object[]> versions() {
        return Tools.kubectlParameters();
    }

    @Before
    public void stableIngress() throws Exception {
        bench = new RoutingCluster(fixture, cluster, kubectlVersion);
        bench.kubectl(0, "create", "namespace", "prod");
        bench.apply("""
                {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"payments","namespace":"prod"},
                 "spec":{"ingressClassName":"nginx","rules":[{"host":"pay.example.com","http":{"paths":[
                   {"path":"/","pathType":"Prefix","backend":{"service":{"name":"payments","port":{"number":80}}}}]}}]}}
                """);
        router = new NginxRouter(bench.objects(), bench.log(), "prod", "payments", "payments", "payments-canary", PREFIX);
    }

    private static RouteState state(int weight, int step) {
        return new RouteState(weight, "payments-canary", step, BUILD);
    }

    private JsonObject canary() throws Exception {
        return bench.get("ingress", "payments-canary", "prod");
    }

    private boolean canaryExists() throws Exception {
        return !bench.kubectl(0, "get", "ingress", "payments-canary", "-n", "prod", "--ignore-not-found", "-o", "name")
                .output().isBlank();
    }

    @Test
    public void theCanaryIngressMovesTenFiftyHundredAndReadsBackItsState() throws Exception {
        assertEquals(RouteReading.NO_CANARY, router.read());
        JsonObject stableBefore = bench.get("ingress", "payments", "prod");
        int step = 0;
        for (int weight : new int[] {10, 50, 100}) {
            int before = bench.calls();
            assertEquals(weight, router.setWeight(state(weight, step)).weight());
            assertEquals(step == 0 ? "one list, one create" : "one replace from the canary as last written, no read",
                    step == 0 ? 2 : 1, bench.calls() - before);
            assertEquals(new RouteReading(weight, Optional.of(state(weight, step))), router.read());
            assertEquals(String.valueOf(weight), canary().get("metadata").asObject().get("annotations").asObject()
                    .getString(PREFIX + "/canary-weight", null));
            step++;
        }
        assertTrue(NginxCanaryIngress.isOurs(canary()));
        assertEquals("the stable Ingress is the user's: never written", stableBefore, bench.get("ingress", "payments", "prod"));
        assertThat(fixture.logText(), containsString("Created ingress prod/payments-canary (canary of ingress payments) at 10%"));
    }

    @Test
    public void aServerDryRunChecksTheCreateTheWeightAndTheDeleteAndChangesNothing() throws Exception {
        TrafficRouter dryRun = new NginxRouter(bench.objects().serverDryRun(line -> {}), line -> {}, "prod", "payments", "payments",
                "payments-canary", PREFIX);
        assertEquals(10, dryRun.setWeight(state(10, 0)).weight());
        assertTrue("a dry-run create creates nothing", !canaryExists());
        router.setWeight(state(10, 0));
        JsonObject before = canary();
        assertEquals(50, dryRun.setWeight(state(50, 1)).weight());
        dryRun.reset();
        assertEquals("neither the replace nor the delete happened", before, canary());
    }

    @Test
    public void aDryRunOverTheRoutersObjectsServesItsFirstWeightAndLeavesWhatItKnows() throws Exception {
        RoutingObjects objects = bench.objects();
        TrafficRouter real = new NginxRouter(objects, bench.log(), "prod", "payments", "payments", "payments-canary", PREFIX);
        TrafficRouter dryRun = new NginxRouter(objects.serverDryRun(line -> {}), line -> {}, "prod", "payments", "payments",
                "payments-canary", PREFIX);
        assertEquals(10, dryRun.setWeight(state(10, 0)).weight());
        int before = bench.calls();
        assertEquals(10, real.setWeight(state(10, 0)).weight());
        assertEquals("one create, from the list the dry run read", 1, bench.calls() - before);
        assertTrue(canaryExists());
        JsonObject written = canary();
        dryRun.setWeight(state(50, 1));
        before = bench.calls();
        real.setWeight(state(50, 1));
        assertEquals("one replace from the canary as last written: the dry run's replace left it known", 1,
                bench.calls() - before);
        assertEquals("50", canary().get("metadata").asObject().get("annotations").asObject()
                .getString(PREFIX + "/canary-weight", null));
        assertNotEquals(written, canary());
    }

    @Test
    public void aFirstWeightAfterTheRouterWroteListsAgain() throws Exception {
        RoutingObjects objects = bench.objects();
        TrafficRouter real = new NginxRouter(objects, bench.log(), "prod", "payments", "payments", "payments-canary", PREFIX);
        objects.serverDryRun(line -> {}).list(KubeResource.INGRESS, "prod");
        real.setWeight(state(10, 0));
        real.reset(); // a write: the list read before it is known no more
        int before = bench.calls();
        real.setWeight(state(25, 0));
        assertEquals("a list again, then the create", 2, bench.calls() - before);
    }

    @Test
    public void resetDeletesTheCanaryIngressSoAllTrafficIsOnStable() throws Exception {
        router.setWeight(state(25, 1));
        int before = bench.calls();
        router.reset();
        assertEquals("one delete, with preconditions on the canary as last written", 1, bench.calls() - before);
        assertTrue("deleted", !canaryExists());
        assertEquals(RouteReading.NO_CANARY, router.read());
        router.reset();
        assertThat(fixture.logText(), containsString("all traffic is on stable already"));
    }

    @Test
    public void anIngressOfTheCanarysNameThatThePluginDidNotMakeIsNeverTakenOver() throws Exception {
        bench.apply("""
                {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"payments-canary","namespace":"prod",
                  "annotations":{"team":"web"}},
                 "spec":{"rules":[{"host":"other.example.com","http":{"paths":[
                   {"path":"/","pathType":"Prefix","backend":{"service":{"name":"other","port":{"number":80}}}}]}}]}}
                """);
        JsonObject theirs = canary();
        RoutingException refused = assertThrows(RoutingException.class, () -> router.setWeight(state(10, 0)));
        assertThat(refused.getMessage(), containsString("ingress prod/payments-canary exists and was not made by the plugin"));
        assertThrows(RoutingException.class, router::reset);
        assertThrows(RoutingException.class, router::read);
        assertEquals("left exactly as it was", theirs, canary());
    }

    @Test
    public void anIngressOfTheCanarysNameCreatedByAnotherClientJustBeforeTheCreateIsNotTakenOver() throws Exception {
        String theirs = fixture.staging().write("theirs.json", """
                {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"payments-canary","namespace":"prod"},
                 "spec":{"rules":[{"host":"other.example.com","http":{"paths":[
                   {"path":"/","pathType":"Prefix","backend":{"service":{"name":"other","port":{"number":80}}}}]}}]}}
                """);
        bench.beforeNextWrites(List.of("create", "-f", theirs));
        RoutingException refused = assertThrows(RoutingException.class, () -> router.setWeight(state(10, 0)));
        assertThat(refused.getMessage(), containsString("exists and was not made by the plugin"));
        assertEquals("other", canary().get("spec").asObject().get("rules").asArray().get(0).asObject().get("http").asObject()
                .get("paths").asArray().get(0).asObject().get("backend").asObject().get("service").asObject()
                .getString("name", null));
    }

    @Test
    public void anUnrelatedEditBetweenReadAndWriteIsRetriedAndKept() throws Exception {
        router.setWeight(state(10, 0));
        bench.beforeNextWrites(List.of("label", "ingress", "payments-canary", "-n", "prod", "audited=yes"));
        assertEquals(50, router.setWeight(state(50, 1)).weight());
        assertEquals("yes", canary().get("metadata").asObject().get("labels").asObject().getString("audited", null));
        assertThat(fixture.logText(), containsString("ingress prod/payments-canary changed after the plugin last wrote or read it (attempt 1 of 3)"));
    }

    @Test
    public void aWeightSetByHandBetweenReadAndWriteIsRefusedAndKept() throws Exception {
        router.setWeight(state(10, 0));
        bench.beforeNextWrites(List.of("annotate", "ingress", "payments-canary", "-n", "prod", "--overwrite",
                PREFIX + "/canary-weight=0"));
        RoutingException refused = assertThrows(RoutingException.class, () -> router.setWeight(state(50, 1)));
        assertThat(refused.getMessage(), containsString("touched what the plugin owns"));
        assertEquals(0, router.read().weight());
    }

    @Test
    public void aResetRacingAnEditDeletesOnlyWhileTheIngressIsStillThePlugins() throws Exception {
        router.setWeight(state(10, 0));
        bench.beforeNextWrites(List.of("label", "ingress", "payments-canary", "-n", "prod", "audited=yes"));
        router.reset();
        assertTrue("an unrelated edit: deleted on the second attempt", !canaryExists());

        router.setWeight(state(10, 0));
        bench.beforeNextWrites(List.of("label", "ingress", "payments-canary", "-n", "prod",
                "app.kubernetes.io/managed-by-"));
        assertThrows(RoutingException.class, router::reset);
        assertTrue("no longer the plugin's: left alone", canaryExists());
    }

    @Test
    public void anotherCanaryForTheSameHostAndPathIsRefused() throws Exception {
        bench.apply("""
                {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"payments-experiment","namespace":"prod",
                  "annotations":{"nginx.ingress.kubernetes.io/canary":"true","nginx.ingress.kubernetes.io/canary-weight":"5"}},
                 "spec":{"ingressClassName":"nginx","rules":[{"host":"pay.example.com","http":{"paths":[
                   {"path":"/","pathType":"Prefix","backend":{"service":{"name":"payments-exp","port":{"number":80}}}}]}}]}}
                """);
        RoutingException refused = assertThrows(RoutingException.class, () -> router.setWeight(state(10, 0)));
        assertThat(refused.getMessage(), containsString("ingress prod/payments-experiment is already a canary for pay.example.com/"));
        assertTrue("nothing created", !canaryExists());
    }

    @Test
    public void aChangeBetweenTwoWritesIsCaughtByThePreconditionAndTheResetStillReachesZero() throws Exception {
        router.setWeight(state(10, 0));
        // A person sets the weight between the plugin's writes: the replace from the version last written is refused.
        bench.kubectl(0, "annotate", "ingress", "payments-canary", "-n", "prod", "--overwrite", PREFIX + "/canary-weight=40");
        RoutingException refused = assertThrows(RoutingException.class, () -> router.setWeight(state(50, 1)));
        assertThat(refused.getMessage(), containsString("touched what the plugin owns"));
        assertEquals("the person's weight stands", 40, router.read().weight());
        bench.kubectl(0, "label", "ingress", "payments-canary", "-n", "prod", "audited=yes");
        int before = bench.calls();
        router.reset();
        assertEquals("the delete refused by its preconditions, a read, the delete", 3, bench.calls() - before);
        assertTrue("all traffic on stable", !canaryExists());
    }

    @Test
    public void aNewExecutionReadsOnceThenOnlyWrites() throws Exception {
        router.setWeight(state(10, 0));
        // After a controller restart the execution starts with nothing known: its first read is what it writes from.
        TrafficRouter resumed = new NginxRouter(bench.objects(), bench.log(), "prod", "payments", "payments", "payments-canary",
                PREFIX);
        int before = bench.calls();
        assertEquals(state(10, 0), resumed.read().recorded().orElseThrow());
        assertEquals(25, resumed.setWeight(state(25, 1)).weight());
        resumed.reset();
        assertEquals("one read, one replace, one delete", 3, bench.calls() - before);
        assertTrue(!canaryExists());
    }

    @Test
    public void aLeftoverJudgedByItsStateIsResetInOneCallAndNeverOnceAnotherRunTookItOver() throws Exception {
        router.setWeight(state(25, 1));
        RoutingObjects judged = bench.objects();
        RouteState recorded = new NginxRouter(judged, bench.log(), "prod", "payments", "payments", "payments-canary", PREFIX).read()
                .recorded().orElseThrow();
        TrafficRouter leftover = new NginxRouter(judged.onlyWhileRecorded(recorded), bench.log(), "prod", "payments", "payments",
                "payments-canary", PREFIX);
        router.setWeight(state(50, 2).withPlan("{\"taken\":\"over\"}")); // another run carries it on in between
        assertThrows(RecordChangedException.class, leftover::reset);
        assertTrue("another run's canary: left alone", canaryExists());

        RouteState now = new NginxRouter(judged, bench.log(), "prod", "payments", "payments", "payments-canary", PREFIX).read()
                .recorded().orElseThrow();
        int before = bench.calls();
        new NginxRouter(judged.onlyWhileRecorded(now), bench.log(), "prod", "payments", "payments", "payments-canary", PREFIX)
                .reset();
        assertEquals("one delete from the read it was judged by", 1, bench.calls() - before);
        assertTrue(!canaryExists());
    }
}
