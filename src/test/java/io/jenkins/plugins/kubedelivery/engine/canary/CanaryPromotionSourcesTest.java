package io.jenkins.plugins.kubedelivery.engine.canary;

import static org.hamcrest.CoreMatchers.hasItem;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricProvider;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricReading;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricSource;
import io.jenkins.plugins.kubedelivery.engine.analysis.Threshold;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.JsonOutput;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingCluster;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.LocalProcessRunner;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * canaryShift's own promotion upgrades stable from the request it installed the canary with, without reading the
 * canary's values back or asking helm's version again; canaryPromote reads them back. Both must leave stable with the
 * same values: each is run on the same canary, and {@code helm get values} of stable compared, with the real helm 3
 * and 4 against the simulated cluster.
 */
@RunWith(Parameterized.class)
public class CanaryPromotionSourcesTest {
    private static final String BUILD = "payments/main #41";
    private static final MetricCheck ERROR_RATE = new MetricCheck("error-rate", Threshold.atMost(0.01), null, 0, 0,
            MetricCheck.DEFAULT_CONSECUTIVE_ERROR_LIMIT);
    private static final String MEASURED = "(measured)";

    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster().withFixtureCrds();

    private final FakeCanaryClock clock = new FakeCanaryClock();
    /** The commands run ({@code get helm}) and the measurements taken, in order. */
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final String helmVersion;
    private ClusterTarget target;

    public CanaryPromotionSourcesTest(String helmVersion) {
        this.helmVersion = helmVersion;
    }

    @Parameters(name = "helm {0}")
    public static Collection<Object[]> helms() {
        return List.of(new Object[] {Tools.HELM_3}, new Object[] {Tools.HELM_4});
    }

    @Before
    public void stableReleaseBehindItsIngress() throws Exception {
        cluster.createNamespace("prod");
        target = EngineFixture.target(cluster);
        stableAtOneZero();
        CanaryRoute.NGINX.prepare(new RoutingCluster(fixture, cluster, Tools.KUBECTL_135));
        Files.writeString(fixture.workspace().resolve("helm/payments/values.canary-test.yaml"),
                "config:\n  FROM_FILE: \"yes\"\n  LOG_LEVEL: warn\nresources:\n  limits:\n    cpu: 500m\n",
                StandardCharsets.UTF_8);
    }

    /** Ports of a step of their own (its own mask), whose commands are recorded in {@link #events}. */
    private EnginePorts stepPorts() {
        CommandRunner local = new LocalProcessRunner(fixture.workspace(), cluster.environment());
        return fixture.livePorts((command, timeout) -> {
            events.add(command.arguments().get(1) + " " + command.arguments().get(0).replaceAll(".*/", ""));
            return local.run(command, timeout);
        }, Tools.helm(helmVersion).toString(), Tools.kubectl(Tools.KUBECTL_135).toString());
    }

    private void stableAtOneZero() throws Exception {
        new DeployService(stepPorts(), target, BUILD).run(DeployRequest.builder("payments", "prod").imageTag("1.0.0").build());
    }

    /**
     * Everything canaryShift passes on to stable: a values file, values nested and dotted (one at the canary's replica
     * count key, which neither promotion passes on), secret values and the image tag.
     */
    private static DeployRequest deploy() {
        return DeployRequest.builder("payments", "prod").imageTag("2.0.0")
                .valuesFiles(List.of("helm/payments/values.canary-test.yaml"))
                .values(Map.of("config", Map.of("LOG_LEVEL", "debug", "RATIO", 1.5, "ENABLED", true),
                        "resources.limits.memory", "768Mi", "extra", List.of(1, "two", false), "replicaCount", 7))
                .secretValues(Map.of("db.key", "s3cr3t-db-key"))
                .build();
    }

    private CanaryShiftResult shift(CanaryStep first) throws Exception {
        CanaryPlan plan = new CanaryPlan(List.of(first, new CanaryStep(100, Pause.NONE)), Duration.ofMinutes(1),
                List.of(ERROR_RATE), 0);
        ScriptedMetrics healthy = new ScriptedMetrics(ScriptedMetrics.value(0.002));
        MetricProvider marked = new MetricProvider() {
            @Override
            public MetricReading read(MetricQuery query) throws InterruptedException {
                events.add(MEASURED);
                return healthy.read(query);
            }

            @Override
            public String unavailableReason() {
                return healthy.unavailableReason();
            }
        };
        return new CanaryShift(stepPorts(), target, CanaryRoute.NGINX.spec, MetricSource.NONE, marked, clock).run(new CanaryShiftRequest(deploy(), plan, Map.of("error-rate", new MetricQuery("sum(errors)", null)), BUILD));
    }

    /** Stable's values as helm holds them, read with a mask that hides nothing. */
    private JsonObject stableValues() throws Exception {
        HelmClient helm = new HelmClient(fixture.livePorts(cluster, helmVersion).runner(), Tools.helm(helmVersion).toString(),
                target);
        int revision = helm.history("payments", "prod", 1).get(0).revision();
        return JsonOutput.parse(helm.userValues("payments", "prod", revision), "helm get values").asObject();
    }

    private List<String> eventsFrom(int index) {
        List<String> after = events.subList(index, events.size());
        return List.copyOf(after.subList(0, after.indexOf("uninstall helm") + 1));
    }

    @Test
    public void theOwnPromotionLeavesStableWithTheValuesCanaryPromoteReadsBack() throws Exception {
        assertTrue(fixture.logText(), shift(new CanaryStep(10, Pause.NONE)).promoted());
        List<String> own = eventsFrom(events.lastIndexOf(MEASURED) + 1);
        JsonObject fromTheRequest = stableValues();

        stableAtOneZero();
        assertTrue(fixture.logText(), shift(new CanaryStep(10, new Pause.Manual())).paused());
        int before = events.size();
        CanaryShiftResult promoted = new CanaryPromote(stepPorts(), target, CanaryRoute.NGINX.spec, source -> {
            throw new AssertionError("full: true measures nothing");
        }, clock).run(new CanaryPromoteRequest(new CanaryTarget("payments", "prod", null, null), Duration.ofMinutes(2), null,
                true, BUILD));
        assertTrue(fixture.logText(), promoted.promoted());
        List<String> readBack = eventsFrom(before);
        JsonObject fromTheCanary = stableValues();

        assertEquals(fromTheCanary, fromTheRequest);
        assertEquals("2.0.0", fromTheRequest.get("image").asObject().getString("tag", ""));
        assertEquals("debug", fromTheRequest.get("config").asObject().getString("LOG_LEVEL", ""));
        assertEquals("yes", fromTheRequest.get("config").asObject().getString("FROM_FILE", ""));
        assertEquals("768Mi", fromTheRequest.get("resources").asObject().get("limits").asObject().getString("memory", ""));
        assertEquals("the secret itself", "s3cr3t-db-key", fromTheRequest.get("db").asObject().getString("key", ""));
        assertEquals("stable's replica count from its values file, the canary's left out", 3,
                fromTheRequest.getInt("replicaCount", 0));

        assertThat("no read of the canary's values", own, not(hasItem("get helm")));
        assertThat("helm's version known from the canary's install", own, not(hasItem("version helm")));
        assertThat("canaryPromote reads them", readBack, hasItem("get helm"));
        assertEquals("the upgrade, its history read alongside, the Ingress's delete and the uninstall", 4, own.size());
    }
}
