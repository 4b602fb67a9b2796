package io.jenkins.plugins.kubedelivery.engine.canary;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.BuildLiveness;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricReading;
import io.jenkins.plugins.kubedelivery.engine.analysis.Threshold;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackService;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.routing.RecordChangedException;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingCluster;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.LocalProcessRunner;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/**
 * A canary left behind by a build (here: paused, its build then gone, as after a kill) met by the
 * next deployService, canaryShift or rollbackService of the service, with the real helm and kubectl
 * against the simulated cluster and the nginx router. Which builds run is scripted per test.
 */
public class CanaryLeftoversTest {
    private static final String KILLED = "payments/main#41";
    private static final String NEXT = "payments/main#42";
    private static final CanaryPlan PLAN = new CanaryPlan(List.of(
            new CanaryStep(10, new Pause.Timed(Duration.ofMinutes(5))), new CanaryStep(100, Pause.NONE)), Duration.ofMinutes(1),
            List.of(new MetricCheck("error-rate", Threshold.atMost(0.01), null, 0, 0, MetricCheck.DEFAULT_CONSECUTIVE_ERROR_LIMIT)), 0);

    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster();

    private RoutingCluster bench;
    private ClusterTarget target;

    @Before
    public void stableReleaseBehindAnIngressWithAPausedCanaryOfTheKilledBuild() throws Exception {
        cluster.createNamespace("prod");
        target = EngineFixture.target(cluster);
        EnginePorts ports = ports(BuildLiveness.UNKNOWN);
        new DeployService(ports, target, KILLED).run(DeployRequest.builder("payments", "prod").imageTag("1.0.0").build());
        new DeployService(ports, target, KILLED).run(DeployRequest.builder("payments", "prod").imageTag("1.1.0").build());
        bench = new RoutingCluster(fixture, cluster, Tools.KUBECTL_135);
        StableIngress.apply(bench);
        CanaryShiftResult paused = canary(ports, new ScriptedMetrics(new MetricReading.NoData("no series")), KILLED);
        assertTrue(fixture.logText(), paused.paused());
        assertTrue(canaryIngressExists());
    }

    private EnginePorts ports(BuildLiveness builds) {
        return fixture.portsBuilder(new LocalProcessRunner(fixture.workspace(), cluster.environment()),
                Tools.helm(Tools.HELM_4).toString(), Tools.kubectl(Tools.KUBECTL_135).toString()).builds(builds).build();
    }

    private CanaryShiftResult canary(EnginePorts ports, ScriptedMetrics metrics, String build) throws Exception {
        return new CanaryShift(ports, target, new RouterSpec.Nginx("payments"), metrics, new FakeCanaryClock())
                .run(new CanaryShiftRequest(DeployRequest.builder("payments", "prod").imageTag("2.0.0").build(), PLAN,
                        Map.of("error-rate", new MetricQuery("sum(rate(errors[{{interval}}]))", null)), build));
    }

    private DeployServiceRun deploy(BuildLiveness builds) {
        EnginePorts ports = ports(builds);
        return () -> new DeployService(ports, target, NEXT, new CanaryLeftovers(ports, target))
                .run(DeployRequest.builder("payments", "prod").imageTag("1.2.0").build());
    }

    private interface DeployServiceRun {
        void run() throws Exception;
    }

    private void rollback(BuildLiveness builds) throws Exception {
        EnginePorts ports = ports(builds);
        new RollbackService(ports, target, NEXT, new CanaryLeftovers(ports, target))
                .run(new RollbackRequest("payments", "prod", null, null, 0, Duration.ofMinutes(1), true));
    }

    private String stableImage() throws Exception {
        return StableIngress.image(bench);
    }

    private boolean canaryIngressExists() throws Exception {
        return !bench.kubectl(0, "get", "ingress", "payments-canary", "-n", "prod", "--ignore-not-found", "-o", "name").output()
                .isBlank();
    }

    private boolean releaseExists(String release) throws Exception {
        EnginePorts ports = ports(BuildLiveness.UNKNOWN);
        return !new HelmClient(ports.runner(), ports.helm(), target).history(release, "prod", 1).isEmpty();
    }

    private static BuildLiveness only(String build, BuildLiveness.State state) {
        return asked -> asked.equals(build) ? state : BuildLiveness.State.UNKNOWN;
    }

    @Test
    public void theCanaryOfABuildThatEndedIsResetByTheNextDeployThenTheDeployGoesAhead() throws Exception {
        deploy(only(KILLED, BuildLiveness.State.FINISHED)).run();

        assertFalse("traffic back on stable", canaryIngressExists());
        assertFalse("canary release removed", releaseExists("payments-canary"));
        assertThat(stableImage(), containsString(":1.2.0"));
        String log = fixture.logText();
        assertThat(log, containsString("Canary of payments by " + KILLED + " (no longer running) reset to stable: weight 0 in "));
        assertThat(log, containsString(", payments-canary removed in "));
        assertTrue(log, log.indexOf("reset to stable") < log.indexOf("Deployed payments revision 3"));
    }

    @Test
    public void theCanaryOfABuildThatNoLongerExistsIsResetByTheNextCanaryShiftWhichThenRunsItsOwn() throws Exception {
        CanaryShiftResult next = canary(ports(only(KILLED, BuildLiveness.State.GONE)), new ScriptedMetrics(ScriptedMetrics.value(0.002)),
                NEXT);

        assertTrue(fixture.logText(), next.promoted());
        assertThat(stableImage(), containsString(":2.0.0"));
        String log = fixture.logText();
        assertThat(log, containsString("Canary of payments by " + KILLED + " (no longer exists) reset to stable: weight 0 in "));
        assertTrue(log, log.indexOf("reset to stable") < log.indexOf("Promoted payments"));
    }

    @Test
    public void theCanaryOfARunningBuildIsRefusedByDeployAndCanaryShiftAndLeftAsItIs() throws Exception {
        BuildLiveness running = only(KILLED, BuildLiveness.State.RUNNING);
        EngineException deploy = assertThrows(EngineException.class, () -> deploy(running).run());
        assertThat(deploy.getMessage(), containsString("10% for payments-canary at step 0 (paused) by " + KILLED));
        assertThat(deploy.getMessage(), containsString("build " + KILLED + " is still running"));
        assertThat(deploy.getMessage(), containsString("canaryAbort"));

        EngineException canary = assertThrows(EngineException.class,
                () -> canary(ports(running), new ScriptedMetrics(ScriptedMetrics.value(0.002)), NEXT));
        assertThat(canary.getMessage(), containsString("build " + KILLED + " is still running"));

        assertTrue("the canary keeps its traffic", canaryIngressExists());
        assertTrue(releaseExists("payments-canary"));
        assertThat("stable not deployed", stableImage(), containsString(":1.1.0"));
    }

    @Test
    public void rollbackDuringARunningBuildsCanaryClearsTheCanaryFirstThenRollsBack() throws Exception {
        rollback(only(KILLED, BuildLiveness.State.RUNNING));

        assertFalse("traffic back on stable", canaryIngressExists());
        assertFalse("canary release removed", releaseExists("payments-canary"));
        assertThat("rolled back to the previous revision", stableImage(), containsString(":1.0.0"));
        String log = fixture.logText();
        assertThat(log, containsString("Rollback fast-tracked past the canary of payments by " + KILLED
                + " (still running) at 10%: weight 0 in "));
        assertTrue(log, log.indexOf("Rollback fast-tracked") < log.indexOf("Rolling back payments"));
        assertEquals("no step, no measurement", -1, log.indexOf("Measured", log.indexOf("Rollback fast-tracked")));
    }

    @Test
    public void aCanaryReleaseThePluginDidNotLabelIsNeverTouched() throws Exception {
        CanaryAbort abort = new CanaryAbort(ports(BuildLiveness.UNKNOWN), target, new RouterSpec.Nginx("payments"));
        abort.run(new CanaryAbortRequest(new CanaryTarget("payments", "prod", null, null), Duration.ofMinutes(1)));
        new DeployService(ports(BuildLiveness.UNKNOWN), target, "someone")
                .run(DeployRequest.builder("payments", "prod").release("payments-canary").imageTag("0.9.0").build());

        deploy(only(KILLED, BuildLiveness.State.FINISHED)).run();
        rollback(only(KILLED, BuildLiveness.State.FINISHED));

        assertTrue("left as it was", releaseExists("payments-canary"));
        assertThat(fixture.logText(), containsString("Release payments-canary in prod is not the plugin's canary of payments:"
                + " left as it is"));
    }

    @Test
    public void aCanaryTakenOverWhileItWasJudgedIsLeftAlone() throws Exception {
        RouteState takenOver = new RouteState(10, "payments-canary", 0, NEXT);
        List<String> anotherRunTakesItOver = bench.mergePatch("ingress", "payments-canary", "prod",
                new JsonObject().add("metadata", new JsonObject().add("annotations", new JsonObject()
                        .add(RouteState.ANNOTATION, takenOver.toJson()))).toString());
        BuildLiveness endedMeanwhileTakenOver = build -> {
            try {
                bench.kubectl(0, anotherRunTakesItOver.toArray(String[]::new));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return BuildLiveness.State.FINISHED;
        };

        RecordChangedException refused = assertThrows(RecordChangedException.class, () -> deploy(endedMeanwhileTakenOver).run());
        assertThat(refused.getMessage(), containsString("now records 10% for payments-canary at step 0 by " + NEXT));
        assertTrue("its traffic stays", canaryIngressExists());
        assertTrue("its release stays", releaseExists("payments-canary"));
        assertThat("stable not deployed", stableImage(), containsString(":1.1.0"));
    }

    @Test
    public void aRollbackIsNotHeldUpByACanaryItCannotEnd() throws Exception {
        bench.kubectl(0, "annotate", "ingress", "payments-canary", "-n", "prod", "--overwrite", RouteState.ANNOTATION + "=edited");

        rollback(only(KILLED, BuildLiveness.State.RUNNING));

        assertThat("rolled back all the same", stableImage(), containsString(":1.0.0"));
        assertThat(fixture.logText(), containsString("Could not end the canary of payments before the rollback:"
                + " payments-canary has annotation " + RouteState.ANNOTATION + " = 'edited'"));
        assertTrue("what could not be judged is left", canaryIngressExists());
        assertTrue(releaseExists("payments-canary"));
    }
}
