package io.jenkins.plugins.kubedelivery.engine.canary;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingCluster;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/**
 * canaryShift's refusals before the canary release is installed, with the real helm and kubectl
 * against the simulated cluster: a chart that renders the stable release's names, a Service
 * selection that would blur the split, an autoscaler under the replicas() router, no stable
 * release. Each refusal leaves no canary release and no routing change, and says what to change.
 */
public class CanaryPreflightTest {
    private static final String BUILD = "payments/main #41";
    private static final CanaryPlan PLAN = new CanaryPlan(List.of(new CanaryStep(50, Pause.NONE), new CanaryStep(100, Pause.NONE)),
            Duration.ofMinutes(1), List.of(), 0);

    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster().withFixtureCrds();

    private EnginePorts ports;
    private ClusterTarget target;
    private RoutingCluster bench;

    @Before
    public void prodNamespace() throws Exception {
        cluster.createNamespace("prod");
        ports = fixture.livePorts(cluster, Tools.HELM_4);
        target = EngineFixture.target(cluster);
        bench = new RoutingCluster(fixture, cluster, Tools.KUBECTL_135);
    }

    private static DeployRequest.Builder payments(String imageTag, CanaryRoute route) {
        return DeployRequest.builder("payments", "prod").imageTag(imageTag).values(route.deployValues());
    }

    /**
     * The canary of this new version is refused naming the parameter, with the message saying each
     * fragment (what is wrong, what to change), and nothing is installed or routed.
     */
    private void assertRefused(CanaryRoute route, DeployRequest.Builder newVersion, String parameter, String... fragments)
            throws Exception {
        ValidationException e = assertThrows(ValidationException.class, () -> new CanaryShift(ports, target, route.spec,
                new ScriptedMetrics(ScriptedMetrics.value(0)), new FakeCanaryClock())
                .run(new CanaryShiftRequest(newVersion.build(), PLAN, Map.of(), BUILD)));
        assertEquals(e.getMessage(), parameter, e.parameter());
        for (String fragment : fragments) {
            assertThat(e.getMessage(), containsString(fragment));
        }
        assertTrue("no canary release", new HelmClient(ports.runner(), ports.helm(), target).history("payments-canary", "prod", 1)
                .isEmpty());
        assertEquals("no routing change", Optional.empty(), route.recorded(bench));
    }

    @Test
    public void aChartWithFixedObjectNamesIsRefusedBeforeTheCanaryIsInstalled() throws Exception {
        fixedNameChart();
        new DeployService(ports, target, BUILD).run(payments("1.0.0", CanaryRoute.NGINX).chart("helm/fixed").build());
        CanaryRoute.NGINX.prepare(bench);

        assertRefused(CanaryRoute.NGINX, payments("2.0.0", CanaryRoute.NGINX).chart("helm/fixed"), "chart",
                "render the same objects (ConfigMap prod/payments-config, Service prod/payments, Deployment prod/payments)",
                "derive the names from the release name ({{ .Release.Name }}");
    }

    @Test
    public void anL7RouterIsRefusedWhenTheStableServiceWouldAlsoSelectTheCanarysPods() throws Exception {
        // The Service selects by the label both releases' pods carry: the nginx split would send part of stable's share to the canary.
        new DeployService(ports, target, BUILD).run(payments("1.0.0", CanaryRoute.REPLICAS).build());
        CanaryRoute.NGINX.prepare(bench);

        assertRefused(CanaryRoute.NGINX, payments("2.0.0", CanaryRoute.REPLICAS), "chart",
                "service payments of release payments (selector {app.kubernetes.io/name=payments}) also selects the pods of release"
                        + " payments-canary", "add a label that differs per release to the Service selector");
    }

    @Test
    public void theReplicasRouterIsRefusedWhenTheStableServiceWouldNotSelectTheCanarysPods() throws Exception {
        new DeployService(ports, target, BUILD).run(payments("1.0.0", CanaryRoute.NGINX).build());

        assertRefused(CanaryRoute.REPLICAS, payments("2.0.0", CanaryRoute.NGINX), "router",
                "service payments (selector {app.kubernetes.io/instance=payments}) does not select the pods of release payments-canary",
                "use only labels both releases share, or use an L7 router");
    }

    @Test
    public void theReplicasRouterIsRefusedWhenAnAutoscalerScalesTheStableDeployment() throws Exception {
        new DeployService(ports, target, BUILD).run(payments("1.0.0", CanaryRoute.REPLICAS).build());
        bench.apply("""
                {"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","metadata":{"name":"payments-cpu","namespace":"prod"},
                 "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"payments"},"minReplicas":3,"maxReplicas":10,
                  "metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":70}}}]}}
                """);

        assertRefused(CanaryRoute.REPLICAS, payments("2.0.0", CanaryRoute.REPLICAS), "router",
                "horizontalpodautoscaler prod/payments-cpu scales the Deployment of payments or its canary, and would fight the"
                        + " replicas() router", "use an L7 router (nginx, gatewayApi or istio)");
        assertEquals("the stable release untouched", 3, bench.get("deployment", "payments", "prod").get("spec").asObject()
                .getInt("replicas", -1));
    }

    @Test
    public void aCanaryWithoutAStableReleaseIsRefused() throws Exception {
        CanaryRoute.NGINX.prepare(bench);
        assertRefused(CanaryRoute.NGINX, payments("2.0.0", CanaryRoute.NGINX), "service",
                "release payments is not installed in prod", "deploy it with deployService first");
    }

    @Test
    public void theCanaryIsInstalledWithItsOwnReplicaCountUnderTheChartsKey() throws Exception {
        new DeployService(ports, target, BUILD).run(payments("1.0.0", CanaryRoute.NGINX).build());
        CanaryRoute.NGINX.prepare(bench);
        CanaryPlan manual = new CanaryPlan(List.of(new CanaryStep(10, new Pause.Manual()), new CanaryStep(100, Pause.NONE)),
                Duration.ofMinutes(1), List.of(), 0);
        CanaryShiftResult paused = new CanaryShift(ports, target, CanaryRoute.NGINX.spec, new ScriptedMetrics(ScriptedMetrics.value(0)),
                new FakeCanaryClock()).run(new CanaryShiftRequest(payments("2.0.0", CanaryRoute.NGINX).build(), manual, Map.of(), BUILD,
                        2, "replicaCount"));
        assertTrue(paused.paused());
        assertEquals("values.prod.yaml gives stable 3", 3, replicas("payments"));
        assertEquals(2, replicas("payments-canary"));
        assertThat(fixture.logText(), containsString("Canary release payments-canary revision 1 (image tag 2.0.0) with 2 pod(s) ready"));
        assertThat(fixture.logText(), containsString("Checked before installing the canary"));
    }

    @Test
    public void aReplicaCountKeyThatIsNoValuesPathIsRefusedByName() {
        ValidationException e = assertThrows(ValidationException.class, () -> new CanaryShiftRequest(
                payments("2.0.0", CanaryRoute.NGINX).build(), PLAN, Map.of(), BUILD, 1, "replica count"));
        assertEquals("replicaCountKey", e.parameter());
        ValidationException none = assertThrows(ValidationException.class, () -> new CanaryShiftRequest(
                payments("2.0.0", CanaryRoute.NGINX).build(), PLAN, Map.of(), BUILD, 0, null));
        assertEquals("canaryReplicas", none.parameter());
        assertThat(none.getMessage(), containsString("give 1 or more"));
    }

    private int replicas(String deployment) throws Exception {
        return bench.get("deployment", deployment, "prod").get("spec").asObject().getInt("replicas", -1);
    }

    /** The payments chart copied as helm/fixed, its objects named "payments" whatever the release (a fixed fullnameOverride). */
    private void fixedNameChart() throws Exception {
        Path from = fixture.workspace().resolve("helm/payments");
        Path to = fixture.workspace().resolve("helm/fixed");
        EngineFixture.copy(from, to);
        try (Stream<Path> templates = Files.list(to.resolve("templates"))) {
            for (Path template : templates.toList()) {
                String text = Files.readString(template);
                Files.writeString(template, text.replace("name: {{ .Release.Name }}", "name: payments")
                        .replace("name: {{ $.Release.Name }}-db", "name: payments-db")
                        .replace("name: {{ .Release.Name }}-config", "name: payments-config"));
            }
        }
    }
}
