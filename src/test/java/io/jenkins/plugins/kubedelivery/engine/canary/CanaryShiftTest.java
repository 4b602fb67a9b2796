package io.jenkins.plugins.kubedelivery.engine.canary;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricProvider;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricReading;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricSource;
import io.jenkins.plugins.kubedelivery.engine.analysis.Threshold;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.JsonOutput;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingCluster;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.LocalProcessRunner;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * canaryShift end to end with the real helm and kubectl against the simulated cluster (which serves
 * the Gateway API and Istio CRDs), through each router, with a scripted metric source and a clock
 * that jumps over the pauses. nginx runs with both helm majors, the other routers with one each.
 */
@RunWith(Parameterized.class)
public class CanaryShiftTest {
    private static final String BUILD = "payments/main #41";
    private static final MetricCheck ERROR_RATE = new MetricCheck("error-rate", Threshold.atMost(0.01), null, 0, 0,
            MetricCheck.DEFAULT_CONSECUTIVE_ERROR_LIMIT);
    private static final CanaryPlan PLAN = new CanaryPlan(List.of(step(10), step(25), step(50), new CanaryStep(100, Pause.NONE)),
            Duration.ofMinutes(1), List.of(ERROR_RATE), 0);

    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster().withFixtureCrds();

    private static final String MEASURED = "(measured)";

    private final FakeCanaryClock clock = new FakeCanaryClock();
    /** The commands run ({@code delete kubectl}) and the measurements taken, in order. */
    private final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    private RoutingCluster bench;
    private EnginePorts ports;
    private ClusterTarget target;

    private final CanaryRoute route;
    private final String helmVersion;

    public CanaryShiftTest(CanaryRoute route, String helmVersion) {
        this.route = route;
        this.helmVersion = helmVersion;
    }

    @Parameters(name = "{0}, helm {1}")
    public static Collection<Object[]> routes() {
        return List.of(new Object[] {CanaryRoute.NGINX, Tools.HELM_3}, new Object[] {CanaryRoute.NGINX, Tools.HELM_4},
                new Object[] {CanaryRoute.GATEWAY_API, Tools.HELM_4}, new Object[] {CanaryRoute.ISTIO, Tools.HELM_3},
                new Object[] {CanaryRoute.REPLICAS, Tools.HELM_4});
    }

    private static CanaryStep step(int weight) {
        return new CanaryStep(weight, new Pause.Timed(Duration.ofMinutes(5)));
    }

    @Before
    public void stableReleaseBehindItsRouter() throws Exception {
        cluster.createNamespace("prod");
        CommandRunner local = new LocalProcessRunner(fixture.workspace(), cluster.environment());
        ports = fixture.livePorts((command, timeout) -> {
            events.add(command.arguments().get(1) + " " + command.arguments().get(0).replaceAll(".*/", ""));
            return local.run(command, timeout);
        }, Tools.helm(helmVersion).toString(), Tools.kubectl(Tools.KUBECTL_135).toString());
        target = EngineFixture.target(cluster);
        new DeployService(ports, target, BUILD).run(version("1.0.0"));
        bench = new RoutingCluster(fixture, cluster, Tools.KUBECTL_135);
        route.prepare(bench);
    }

    private CanaryShift canary(ScriptedMetrics metrics) {
        MetricProvider marked = new MetricProvider() {
            @Override
            public MetricReading read(MetricQuery query) throws InterruptedException {
                MetricReading reading = metrics.read(query);
                events.add(MEASURED);
                return reading;
            }

            @Override
            public String unavailableReason() {
                return metrics.unavailableReason();
            }
        };
        return new CanaryShift(ports, target, route.spec, marked, clock);
    }

    /** The commands (verb, then tool) run from the last measurement until the canary release's uninstall. */
    private List<String> fromTheLastMeasurementToTheUninstall() {
        List<String> after = events.subList(events.lastIndexOf(MEASURED) + 1, events.size());
        return List.copyOf(after.subList(0, after.indexOf("uninstall helm")));
    }

    /** payments in prod at this image tag, with the values the router needs. */
    private DeployRequest version(String imageTag) {
        return DeployRequest.builder("payments", "prod").imageTag(imageTag).values(route.deployValues()).build();
    }

    private CanaryShiftRequest request(CanaryPlan plan, String build) {
        return new CanaryShiftRequest(version("2.0.0"), plan,
                Map.of("error-rate", new MetricQuery("sum(rate(errors{namespace=\"{{namespace}}\",service=\"{{canary}}\"}[{{interval}}]))",
                        null)), build);
    }

    private String stableImage() throws Exception {
        return StableIngress.image(bench);
    }

    private boolean exists(String resource, String name) throws Exception {
        return !bench.kubectl(0, "get", resource, name, "-n", "prod", "--ignore-not-found", "-o", "name").output().isBlank();
    }

    /** The canary gets traffic: the routing objects carry a weight for it. */
    private boolean canaryRouted() throws Exception {
        return route.canaryWeight(bench) > 0;
    }

    /** The routing objects as before the canary: no weight or state for it, and no canary Ingress. */
    private boolean trafficOnStable() throws Exception {
        return route.canaryWeight(bench) == 0 && route.recorded(bench).isEmpty() && !exists("ingress", "payments-canary");
    }

    private boolean canaryReleaseExists() throws Exception {
        return !new HelmClient(ports.runner(), ports.helm(), target).history("payments-canary", "prod", 1).isEmpty();
    }

    @Test
    public void healthyCanaryIsPromoted() throws Exception {
        ScriptedMetrics metrics = new ScriptedMetrics(ScriptedMetrics.value(0.002));
        CanaryShiftResult result = canary(metrics).run(request(PLAN, BUILD));

        assertTrue(fixture.logText(), result.promoted());
        assertEquals(0, result.weight());
        assertEquals("one measurement per minute of each 5-minute pause, one at 100%", 5 + 5 + 5 + 1, result.measurements().size());
        assertThat(stableImage(), containsString(":2.0.0"));
        assertTrue("traffic on stable", trafficOnStable());
        assertFalse("canary release removed", canaryReleaseExists());
        assertEquals("sum(rate(errors{namespace=\"prod\",service=\"payments-canary\"}[60s]))", metrics.asked().get(0).query());
        String log = fixture.logText();
        assertThat(log, containsString("Step 2 of 4: canary at " + route.reached(25) + "%"));
        assertThat(log, containsString("Measured error-rate at weight 50%: successful, 0.002 within <= 0.01"));
        assertThat(log, containsString("Promoted payments"));
        assertThat(log, containsString("Stable release payments upgraded to revision 2 (image tag 2.0.0)"));
        assertEquals(Duration.ofMinutes(16), clock.waited());
        assertEquals("promoted", result.toMap().get("state"));
    }

    @Test
    public void highErrorRateAtTwentyFivePercentAbortsWithTrafficBackOnStable() throws Exception {
        // the first 5 measurements are at 10%, the sixth at 25%
        ScriptedMetrics metrics = new ScriptedMetrics(ScriptedMetrics.value(0.002), ScriptedMetrics.value(0.002),
                ScriptedMetrics.value(0.002), ScriptedMetrics.value(0.002), ScriptedMetrics.value(0.002),
                ScriptedMetrics.value(0.042));
        CanaryShiftResult result = canary(metrics).run(request(PLAN, BUILD));

        assertTrue(fixture.logText(), result.aborted());
        assertThat(result.reason(), containsString("0.042 > max 0.01"));
        assertThat(result.reason(), containsString("at weight 25"));
        assertTrue("traffic back on stable", trafficOnStable());
        assertFalse("canary release removed", canaryReleaseExists());
        assertThat("stable never touched", stableImage(), containsString(":1.0.0"));
        String log = fixture.logText();
        assertTrue(log, log.indexOf("All traffic back on payments") < log.indexOf("Canary release payments-canary removed"));
        assertEquals("weight 0 in one kubectl call, from the objects as last written, before the canary release goes",
                route.resetCalls(), fromTheLastMeasurementToTheUninstall());
    }

    @Test
    public void inconclusiveAnalysisPausesThenTheSameBuildResumesFromTheCluster() throws Exception {
        CanaryShiftResult paused = canary(new ScriptedMetrics(new MetricReading.NoData("the query matched no series")))
                .run(request(PLAN, BUILD));
        assertTrue(fixture.logText(), paused.paused());
        assertEquals(10, paused.weight());
        assertThat(paused.reason(), containsString("inconclusive"));
        assertTrue("the canary keeps its traffic", canaryRouted());
        assertTrue(canaryReleaseExists());

        EngineException refused = assertThrows(EngineException.class,
                () -> canary(new ScriptedMetrics(ScriptedMetrics.value(0.002))).run(request(PLAN, "payments/main #42")));
        assertThat(refused.getMessage(), containsString(route.reached(10) + "% for payments-canary at step 0 (paused) by " + BUILD));
        assertThat(refused.getMessage(), containsString("canaryAbort"));
        assertTrue("another build's canary is left alone", canaryRouted());

        CanaryShiftResult resumed = canary(new ScriptedMetrics(ScriptedMetrics.value(0.002))).run(request(PLAN, BUILD));
        assertTrue(fixture.logText(), resumed.promoted());
        assertThat(fixture.logText(), containsString("Resuming this build's canary from the cluster: " + route.reached(10) + "% for payments-canary"));
        assertTrue(trafficOnStable());
        assertFalse(canaryReleaseExists());
    }

    @Test
    public void canaryStatusReadsAPausedCanaryAndCanaryAbortEndsItWhateverBuildStartedIt() throws Exception {
        canary(new ScriptedMetrics(new MetricReading.NoData("the query matched no series"))).run(request(PLAN, BUILD));
        RouterSpec router = route.spec;
        CanaryTarget payments = new CanaryTarget("payments", "prod", null, null);

        Map<String, Object> status = new CanaryStatus(ports, target, router).run(payments).toMap();
        assertEquals("the keys README.md documents", List.of("release", "canaryRelease", "namespace", "running", "weight",
                "recordedWeight", "step", "build", "canaryReleaseInstalled", "matchesRecord", "paused", "plan"),
                List.copyOf(status.keySet()));
        assertEquals(true, status.get("running"));
        assertEquals(route.reached(10), status.get("weight"));
        assertEquals(0, status.get("step"));
        assertEquals(BUILD, status.get("build"));
        assertEquals(true, status.get("canaryReleaseInstalled"));

        Map<String, Object> aborted = new CanaryAbort(ports, target, router)
                .run(new CanaryAbortRequest(payments, Duration.ofMinutes(1))).toMap();
        assertEquals("the keys README.md documents", List.of("release", "canaryRelease", "namespace", "weightBefore", "build",
                "canaryReleaseRemoved", "durationMillis"), List.copyOf(aborted.keySet()));
        assertEquals(route.reached(10), aborted.get("weightBefore"));
        assertEquals(BUILD, aborted.get("build"));
        assertEquals(true, aborted.get("canaryReleaseRemoved"));
        assertTrue(trafficOnStable());
        assertFalse(canaryReleaseExists());
        assertThat(stableImage(), containsString(":1.0.0"));
        assertThat(fixture.logText(), containsString("Canary of payments in prod: recorded " + route.reached(10) + "% for payments-canary at step 0 (paused) by "
                + BUILD));

        CanaryStatusResult after = new CanaryStatus(ports, target, router).run(payments);
        assertFalse(after.running());
        assertEquals(null, after.toMap().get("step"));
        assertFalse(new CanaryAbort(ports, target, router).run(new CanaryAbortRequest(payments, Duration.ofMinutes(1)))
                .canaryReleaseRemoved());
    }

    private static final MetricSource PROMETHEUS = new MetricSource("http://prometheus.monitoring:9090", "prometheus-token");
    private static final CanaryTarget PAYMENTS = new CanaryTarget("payments", "prod", null, null);

    /**
     * What canaryPromote carries on and promotes does not depend on the router, which every row
     * covers through the other tests (canaryPromote with full: true among them): these run on the
     * nginx rows only, with both helm majors, to keep the suite's time.
     */
    private void nginxRowsOnly() {
        assumeTrue("promotion semantics: nginx rows only", route == CanaryRoute.NGINX);
    }

    private static CanaryPlan plan(CanaryStep... steps) {
        return new CanaryPlan(List.of(steps), Duration.ofMinutes(1), List.of(ERROR_RATE), 0);
    }

    /** canaryShift as the step runs it: the metric source named, so that canaryPromote can measure from it again. */
    private CanaryShiftResult shift(CanaryShiftRequest request, ScriptedMetrics metrics) throws Exception {
        return new CanaryShift(ports, target, route.spec, PROMETHEUS, metrics, clock).run(request);
    }

    /** canaryPromote with fresh ports, as a later step of the build has; {@code opened} gets the sources it opened. */
    private CanaryShiftResult promote(EnginePorts promotePorts, String build, boolean full, String imageTag,
            ScriptedMetrics metrics, List<MetricSource> opened) throws Exception {
        MetricSource.Opener opener = source -> {
            opened.add(source);
            return metrics;
        };
        return new CanaryPromote(promotePorts, target, route.spec, opener, clock)
                .run(new CanaryPromoteRequest(PAYMENTS, Duration.ofMinutes(2), imageTag, full, build));
    }

    private CanaryShiftResult promote(String build, boolean full, ScriptedMetrics metrics, List<MetricSource> opened)
            throws Exception {
        return promote(ports, build, full, null, metrics, opened);
    }

    private String stableConfig(String key) throws Exception {
        return bench.get("configmap", "payments-config", "prod").get("data").asObject().getString(key, "");
    }

    @Test
    public void canaryPromoteCarriesAManualPauseOnToTheNextStepMeasuredThenPromotesWithTheCanarysOwnValues() throws Exception {
        nginxRowsOnly();
        CanaryPlan manual = plan(new CanaryStep(10, new Pause.Manual()), step(50), new CanaryStep(100, Pause.NONE));
        CanaryShiftRequest request = new CanaryShiftRequest(DeployRequest.builder("payments", "prod").imageTag("2.0.0")
                .values(Map.of("config", Map.of("LOG_LEVEL", "debug"))).secretValues(Map.of("db.key", "s3cr3t-db-key")).build(),
                manual, Map.of("error-rate", new MetricQuery("sum(errors{service=\"{{canary}}\"})", null)), BUILD);
        CanaryShiftResult paused = shift(request, new ScriptedMetrics(ScriptedMetrics.value(0.002)));
        assertTrue(fixture.logText(), paused.paused());
        assertEquals(10, paused.weight());

        List<MetricSource> opened = new java.util.ArrayList<>();
        EngineException otherBuild = assertThrows(EngineException.class,
                () -> promote("payments/main #42", false, new ScriptedMetrics(ScriptedMetrics.value(0.002)), opened));
        assertThat(otherBuild.getMessage(), containsString("is not this build's"));
        assertTrue("another build's canary is left alone", canaryRouted());
        assertThat(stableImage(), containsString(":1.0.0"));
        assertEquals(route.reached(10), new CanaryStatus(ports, target, route.spec).run(PAYMENTS).weight());

        EnginePorts later = fixture.livePorts(cluster, helmVersion);
        ScriptedMetrics next = new ScriptedMetrics(ScriptedMetrics.value(0.003));
        int linesBefore = fixture.log().size();
        CanaryShiftResult promoted = promote(later, BUILD, false, null, next, opened);

        assertTrue(fixture.logText(), promoted.promoted());
        assertEquals("the recorded source, credential by id", List.of(PROMETHEUS), opened);
        assertEquals("five measurements at 50%, one at 100%", 6, promoted.measurements().size());
        assertEquals("the recorded, rendered query", "sum(errors{service=\"payments-canary\"})", next.asked().get(0).query());
        String afterPromote = String.join("\n", fixture.log().subList(linesBefore, fixture.log().size()));
        assertThat(afterPromote, containsString("Step 2 of 3: canary at 50%"));
        assertThat(afterPromote, containsString("Measured error-rate at weight 50%: successful, 0.003"));
        assertThat(afterPromote, containsString("Step 3 of 3: canary at 100%"));
        assertFalse("the manual step is not measured again", afterPromote.contains("Step 1 of 3"));
        assertThat("no imageTag given: the canary's own", stableImage(), containsString(":2.0.0"));
        assertEquals("the canary's own values", "debug", stableConfig("LOG_LEVEL"));
        assertEquals("its secret values, from a file", java.util.Base64.getEncoder().encodeToString("s3cr3t-db-key".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), bench.get("secret", "payments-db", "prod").get("data").asObject()
                .getString("key", ""));
        assertFalse("registered with the promoting step's mask", later.secrets().apply("key s3cr3t-db-key").contains("s3cr3t"));
        assertFalse(fixture.logText().contains("s3cr3t-db-key"));
        assertFalse(exists("ingress", "payments-canary"));
        assertFalse(canaryReleaseExists());
    }

    private String stableSecret() throws Exception {
        return new String(java.util.Base64.getDecoder().decode(bench.get("secret", "payments-db", "prod").get("data").asObject()
                .getString("key", "")), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    public void canaryShiftsOwnPromotionPutsBackTheSecretValuesItsMaskedReadHid() throws Exception {
        nginxRowsOnly();
        CanaryShiftRequest request = new CanaryShiftRequest(DeployRequest.builder("payments", "prod").imageTag("2.0.0")
                .secretValues(Map.of("db.key", "s3cr3t-db-key")).build(),
                plan(new CanaryStep(10, Pause.NONE), new CanaryStep(100, Pause.NONE)), Map.of("error-rate",
                        new MetricQuery("sum(errors)", null)), BUILD);
        assertTrue(fixture.logText(), shift(request, new ScriptedMetrics(ScriptedMetrics.value(0.002))).promoted());
        assertEquals("the secret itself, not its placeholder", "s3cr3t-db-key", stableSecret());
        assertFalse(fixture.logText().contains("s3cr3t-db-key"));
    }

    @Test
    public void canaryShiftsOwnPromotionPassesOnACopyOfASecretItsMaskWouldHide() throws Exception {
        nginxRowsOnly();
        CanaryShiftRequest request = new CanaryShiftRequest(DeployRequest.builder("payments", "prod").imageTag("2.0.0")
                .values(Map.of("config", Map.of("COPY_OF_KEY", "s3cr3t-db-key")))
                .secretValues(Map.of("db.key", "s3cr3t-db-key")).build(),
                plan(new CanaryStep(10, Pause.NONE), new CanaryStep(100, Pause.NONE)), Map.of("error-rate",
                        new MetricQuery("sum(errors)", null)), BUILD);
        assertTrue(fixture.logText(), shift(request, new ScriptedMetrics(ScriptedMetrics.value(0.002))).promoted());
        assertEquals("the request it installed the canary with, not a masked read", "s3cr3t-db-key", stableConfig("COPY_OF_KEY"));
        assertEquals("s3cr3t-db-key", stableSecret());
        assertFalse(fixture.logText().contains("s3cr3t-db-key"));
    }

    @Test
    public void aValueTheBuildMasksElsewhereInTheCanarysValuesRefusesCanaryPromoteWithStableUntouched() throws Exception {
        nginxRowsOnly();
        CanaryShiftRequest request = new CanaryShiftRequest(DeployRequest.builder("payments", "prod").imageTag("2.0.0")
                .values(Map.of("config", Map.of("COPY_OF_KEY", "s3cr3t-db-key"))).build(),
                plan(new CanaryStep(10, new Pause.Manual()), new CanaryStep(100, Pause.NONE)), Map.of("error-rate",
                        new MetricQuery("sum(errors)", null)), BUILD);
        assertTrue(fixture.logText(), shift(request, new ScriptedMetrics(ScriptedMetrics.value(0.002))).paused());
        EnginePorts later = fixture.livePorts(cluster, helmVersion);
        later.secrets().add("s3cr3t-db-key"); // a credential of the build that happens to be in the canary's values
        EngineException refused = assertThrows(EngineException.class,
                () -> promote(later, BUILD, true, null, new ScriptedMetrics(ScriptedMetrics.value(0.002)), new java.util.ArrayList<>()));
        assertThat(refused.getMessage(), containsString("hold at config.COPY_OF_KEY a secret this build masks"));
        assertThat("stable never touched", stableImage(), containsString(":1.0.0"));
        assertFalse(exists("ingress", "payments-canary"));
        assertFalse(canaryReleaseExists());
    }

    @Test
    public void canaryPromoteFullPromotesAtOnceWithoutMeasuring() throws Exception {
        shift(request(plan(new CanaryStep(10, new Pause.Manual()), step(50), new CanaryStep(100, Pause.NONE)), BUILD),
                new ScriptedMetrics(ScriptedMetrics.value(0.002)));
        List<MetricSource> opened = new java.util.ArrayList<>();
        ScriptedMetrics never = new ScriptedMetrics(ScriptedMetrics.value(0.5));

        CanaryShiftResult promoted = promote(BUILD, true, never, opened);
        assertTrue(fixture.logText(), promoted.promoted());
        assertEquals(0, promoted.weight());
        assertThat(promoted.reason(), containsString("at step 1 (" + route.reached(10) + "%)"));
        assertEquals("nothing measured", List.of(), never.asked());
        assertEquals(List.of(), opened);
        assertThat(stableImage(), containsString(":2.0.0"));
        assertTrue("traffic on stable", trafficOnStable());
        assertFalse(canaryReleaseExists());
        assertThat(fixture.logText(), containsString("promoting it now, skipping its remaining steps and analysis"));
        assertFalse(new CanaryStatus(ports, target, route.spec)
                .run(new CanaryTarget("payments", "prod", null, null)).running());

        EngineException none = assertThrows(EngineException.class, () -> promote(BUILD, true, never, opened));
        assertThat(none.getMessage(), containsString("no canary of payments is running in prod"));
        assertThat(none.getMessage(), containsString("nothing to promote"));
    }

    @Test
    public void aSecondManualPausePausesCanaryPromoteAgainAndCanaryStatusShowsThePlan() throws Exception {
        nginxRowsOnly();
        shift(request(plan(new CanaryStep(10, new Pause.Manual()), new CanaryStep(50, new Pause.Manual()),
                new CanaryStep(100, Pause.NONE)), BUILD), new ScriptedMetrics(ScriptedMetrics.value(0.002)));
        List<MetricSource> opened = new java.util.ArrayList<>();

        CanaryShiftResult again = promote(BUILD, false, new ScriptedMetrics(ScriptedMetrics.value(0.002)), opened);
        assertTrue(fixture.logText(), again.paused());
        assertEquals(50, again.weight());
        assertThat(again.reason(), containsString("manual pause at weight 50"));
        assertThat(stableImage(), containsString(":1.0.0"));

        CanaryStatusResult status = new CanaryStatus(ports, target, route.spec).run(PAYMENTS);
        assertEquals(Integer.valueOf(1), status.step());
        assertEquals(Boolean.TRUE, status.paused());
        assertEquals(50, status.weight());
        Map<String, Object> plan = status.plan();
        assertEquals(List.of(Map.of("weight", 10, "pause", "manual"), Map.of("weight", 50, "pause", "manual"),
                Map.of("weight", 100, "pause", "none")), plan.get("steps"));
        assertEquals(List.of("error-rate <= 0.01"), plan.get("checks"));
        assertThat(fixture.logText(), containsString("Its plan: 10% until a person decides, 50% until a person decides,"
                + " 100% (no pause); now at step 2 of 3, paused for a person"));

        CanaryShiftResult promoted = promote(BUILD, false, new ScriptedMetrics(ScriptedMetrics.value(0.002)), opened);
        assertTrue(fixture.logText(), promoted.promoted());
        assertEquals("one measurement at 100%", 1, promoted.measurements().size());
        assertThat(stableImage(), containsString(":2.0.0"));
    }

    @Test
    public void aCanaryPromoteCutOffByARestartIsRunAgainFromTheStepItWasIn() throws Exception {
        nginxRowsOnly();
        shift(request(plan(new CanaryStep(10, new Pause.Manual()), step(50), new CanaryStep(100, Pause.NONE)), BUILD),
                new ScriptedMetrics(ScriptedMetrics.value(0.002)));
        List<MetricSource> opened = new java.util.ArrayList<>();
        clock.onSleep(() -> {
            throw new ControllerDied();
        });
        assertThrows("the controller died in the 50% step's pause: no cleanup ran", ControllerDied.class,
                () -> promote(BUILD, false, new ScriptedMetrics(ScriptedMetrics.value(0.002)), opened));
        assertEquals(50, new CanaryStatus(ports, target, route.spec).run(PAYMENTS).weight());
        clock.onSleep(() -> { });

        int linesBefore = fixture.log().size();
        CanaryShiftResult resumed = promote(BUILD, false, new ScriptedMetrics(ScriptedMetrics.value(0.002)), opened);
        assertTrue(fixture.logText(), resumed.promoted());
        String afterRestart = String.join("\n", fixture.log().subList(linesBefore, fixture.log().size()));
        assertThat(afterRestart, containsString("Resuming this build's canary from the cluster: 50% for payments-canary at step 1"
                + " by " + BUILD + " was not paused, so step 2 is run again"));
        assertThat("the 50% step is set again, not let go", afterRestart, containsString("Step 2 of 3: canary at 50%"));
        assertEquals("the 50% step measured again in full, then 100%", 6, resumed.measurements().size());
    }

    @Test
    public void theDeprecatedImageTagMayOnlyRepeatTheCanarys() throws Exception {
        nginxRowsOnly();
        shift(request(plan(new CanaryStep(10, new Pause.Manual()), new CanaryStep(100, Pause.NONE)), BUILD),
                new ScriptedMetrics(ScriptedMetrics.value(0.002)));
        List<MetricSource> opened = new java.util.ArrayList<>();
        ValidationException other = assertThrows(ValidationException.class,
                () -> promote(ports, BUILD, true, "3.0.0", new ScriptedMetrics(ScriptedMetrics.value(0.002)), opened));
        assertEquals("imageTag", other.parameter());
        assertThat(other.getMessage(), containsString("(2.0.0)"));
        assertEquals("nothing moved", 10, new CanaryStatus(ports, target, route.spec).run(PAYMENTS).weight());

        assertTrue(promote(ports, BUILD, true, "2.0.0", new ScriptedMetrics(ScriptedMetrics.value(0.002)), opened).promoted());
        assertThat(fixture.logText(), containsString("imageTag is deprecated for canaryPromote"));
        assertThat(stableImage(), containsString(":2.0.0"));
    }

    /** What a controller that dies mid-step looks like to the step: nothing after it runs, no cleanup either. */
    private static final class ControllerDied extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    public void aRestartedExecutionCarriesOnAtTheRecordedStep() throws Exception {
        // five good measurements at 10%, then no data at 25%: the canary pauses at step 2
        ScriptedMetrics first = new ScriptedMetrics(ScriptedMetrics.value(0.002), ScriptedMetrics.value(0.002),
                ScriptedMetrics.value(0.002), ScriptedMetrics.value(0.002), ScriptedMetrics.value(0.002),
                new MetricReading.NoData("the query matched no series"));
        CanaryShiftResult paused = canary(first).run(request(PLAN, BUILD));
        assertEquals(25, paused.weight());
        JsonObject recordedOn = JsonOutput.parse(bench.kubectl(0, "get", route.stateObject, "-n", "prod", "-o", "json").output(),
                "kubectl get").asObject();
        assertThat(recordedOn.get("metadata").asObject().get("annotations").asObject().getString(RouteState.ANNOTATION, ""),
                containsString("\"step\":1"));

        int linesBefore = fixture.log().size();
        CanaryShiftResult resumed = canary(new ScriptedMetrics(ScriptedMetrics.value(0.002))).run(request(PLAN, BUILD));
        assertTrue(resumed.promoted());
        String afterRestart = String.join("\n", fixture.log().subList(linesBefore, fixture.log().size()));
        assertThat(afterRestart, containsString("Resuming this build's canary from the cluster: " + route.reached(25) + "% for payments-canary at step 1"));
        assertFalse("the 10% step is not repeated", afterRestart.contains("Step 1 of 4"));
        assertEquals("steps 2 and 3 measured five times, step 4 once", 11, resumed.measurements().size());
    }

    @Test
    public void aManualPauseEndsTheStepWithTheCanaryRunning() throws Exception {
        CanaryPlan manualAt50 = new CanaryPlan(List.of(step(10), new CanaryStep(50, new Pause.Manual()),
                new CanaryStep(100, Pause.NONE)), Duration.ofMinutes(1), List.of(ERROR_RATE), 0);
        CanaryShiftResult paused = canary(new ScriptedMetrics(ScriptedMetrics.value(0.002))).run(request(manualAt50, BUILD));
        assertTrue(paused.paused());
        assertEquals(50, paused.weight());
        assertThat(paused.reason(), containsString("manual pause at weight 50"));
        assertTrue(canaryRouted());
        assertTrue(canaryReleaseExists());
    }

    @Test
    public void stopDuringAPauseSendsTrafficBackAndRemovesTheCanary() throws Exception {
        clock.onSleep(() -> Thread.currentThread().interrupt());
        assertThrows(InterruptedException.class, () -> canary(new ScriptedMetrics(ScriptedMetrics.value(0.002)))
                .run(request(PLAN, BUILD)));
        assertTrue(trafficOnStable());
        assertFalse(canaryReleaseExists());
        assertThat(fixture.logText(), containsString("Aborting the canary because the build was stopped"));
        assertThat(stableImage(), containsString(":1.0.0"));
    }

    @Test
    public void unreachableMetricSourceStopsBeforeAnything() throws Exception {
        ValidationException e = assertThrows(ValidationException.class, () -> canary(new ScriptedMetrics(ScriptedMetrics.value(0))
                .unavailable("connection refused")).run(request(PLAN, BUILD)));
        assertEquals("prometheusUrl", e.parameter());
        assertFalse(canaryReleaseExists());
        assertTrue(trafficOnStable());
    }

    @Test
    public void canaryReleaseThePluginDidNotInstallIsRefused() throws Exception {
        new DeployService(ports, target, "someone").run(DeployRequest.builder("payments", "prod").release("payments-canary").imageTag("0.9.0")
                .build());
        ValidationException e = assertThrows(ValidationException.class,
                () -> canary(new ScriptedMetrics(ScriptedMetrics.value(0.002))).run(request(PLAN, BUILD)));
        assertThat(e.getMessage(), containsString("not a canary the plugin installed"));
        assertEquals("no traffic moved", Optional.empty(), route.recorded(bench));
        assertTrue("left as it was", canaryReleaseExists());
    }
}
