package io.jenkins.plugins.kubedelivery.jenkins.canary;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.jenkins.support.CanaryClusters;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepOutcome;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * canaryShift and its companions reading {@code delivery.yaml} from the workspace, with the real helm and kubectl against
 * the simulated cluster: given only a service, an environment (and canaryShift an image tag) they take the namespace,
 * credentials, chart and, from the canary section, the router, the steps and the analysis; a parameter given wins; the
 * log says what came from the file.
 */
public class CanaryShiftCatalogueTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** The analysis asks a Prometheus no one runs: a canary that uses it fails before its first helm command. */
    private static final String DELIVERY_YAML = """
            services:
              payments:
                chart: charts/payments
            environments:
              stage:
                namespace: shop-stage
                kubeconfigCredentialsId: cluster
                canary: true
            canary:
              steps: [50, 100]
              pause: 1s
              interval: 1s
              router:
                nginx: {ingress: '{release}'}
              analysis:
                - errorRate: {max: 0.01}
              prometheusUrl: http://127.0.0.1:1
            """;

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();
    @Rule
    public final TestCluster cluster = new TestCluster();

    /** The stable release payments in shop-stage behind its Ingress, and delivery.yaml with the chart in charts/payments. */
    private StepFixture fixture(String deliveryYaml) throws Exception {
        StepFixture fixture = CanaryClusters.withStableIngress(cluster, tmp, "shop-stage");
        Path chart = fixture.workspace.resolve("charts/payments");
        Files.createDirectories(chart.resolve("templates"));
        for (String file : List.of("Chart.yaml", "values.yaml", "values.stage.yaml", "templates/configmap.yaml")) {
            Files.copy(fixture.workspace.resolve("helm/payments/" + file), chart.resolve(file));
        }
        CanaryClusters.helm(cluster, tmp, "upgrade", "--install", "payments", chart.toString(), "--namespace", "shop-stage");
        Files.writeString(fixture.workspace.resolve("delivery.yaml"), deliveryYaml);
        return fixture;
    }

    @Test
    public void aServiceAnEnvironmentAndAnImageTagAreEnough() throws Exception {
        StepFixture fixture = fixture(DELIVERY_YAML.replace("  analysis:\n    - errorRate: {max: 0.01}\n", ""));

        TestStepContext context = fixture.run(new CanaryShiftStep("payments", "stage", "2.0.0"), WAIT);

        assertNull(fixture.log(), context.failure());
        Map<?, ?> result = (Map<?, ?>) context.result();
        assertEquals("promoted", result.get("state"));
        assertEquals("shop-stage", result.get("namespace"));
        assertThat(fixture.log(), containsString("From delivery.yaml for payments in environment stage: kubeconfigCredentialsId"
                + " cluster, namespace shop-stage, chart charts/payments, router nginx(ingress: payments), steps [50, 100], pause 1s,"
                + " interval 1s, prometheusUrl http://127.0.0.1:1"));
        assertThat(fixture.log(), containsString("Step 1 of 2: canary at 50%"));
        assertEquals(List.of(StepFixture.CLUSTER_CREDENTIALS), fixture.credentials.lookedUp().stream().distinct().toList());

        StepOutcome status = StepOutcome.run(new CanaryStatusStep("payments", "stage"), fixture);
        assertNull(fixture.log(), status.failure());
        assertEquals("shop-stage", ((Map<?, ?>) status.result()).get("namespace"));
        assertEquals(false, ((Map<?, ?>) status.result()).get("running"));
        assertThat(fixture.log(), containsString("From delivery.yaml for payments in environment stage: kubeconfigCredentialsId"
                + " cluster, namespace shop-stage, router nginx(ingress: payments)"));
    }

    @Test
    public void theFilesAnalysisIsTakenWhenTheStepGivesNone() throws Exception {
        StepFixture fixture = fixture(DELIVERY_YAML);

        TestStepContext context = fixture.run(new CanaryShiftStep("payments", "stage", "2.0.0"), WAIT);

        String failure = String.valueOf(context.failure());
        assertThat(failure, containsString("prometheusUrl: "));
        assertThat(fixture.log(), containsString("router nginx(ingress: payments), analysis error-rate, steps [50, 100]"));
        assertTrue("no helm upgrade ran", fixture.launcher.launches().stream().noneMatch(l -> l.cmds().contains("upgrade")));
    }

    @Test
    public void parametersGivenWinOverTheFile() throws Exception {
        StepFixture fixture = fixture(DELIVERY_YAML.replace("'{release}'", "missing"));
        CanaryShiftStep step = new CanaryShiftStep("payments", "stage", "2.0.0");
        step.setRouter(new NginxCanaryRouter("payments"));
        step.setAnalysis(List.of()); // given as none: the file's errorRate is not asked of its Prometheus
        step.setSteps(List.of(100));
        step.setChart("helm/payments");

        TestStepContext context = fixture.run(step, WAIT);

        assertNull(fixture.log(), context.failure());
        assertThat(fixture.log(), containsString("From delivery.yaml for payments in environment stage: kubeconfigCredentialsId"
                + " cluster, namespace shop-stage, pause 1s, interval 1s, prometheusUrl http://127.0.0.1:1"));
        assertThat(fixture.log(), not(containsString("Step 1 of 2")));
        assertEquals("promoted", ((Map<?, ?>) context.result()).get("state"));
    }

    @Test
    public void withoutARouterAnywhereTheErrorSaysWhereToGiveOne() throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.newFolder("canned"));
        Files.writeString(fixture.workspace.resolve("delivery.yaml"), """
                environments:
                  prod:
                    canary: true
                canary:
                  steps: [10, 100]
                """);

        StepOutcome outcome = StepOutcome.run(new CanaryShiftStep("payments", "prod", "2.0.0"), fixture);

        assertEquals("canaryShift: router: is required (environment prod is marked canary: true in delivery.yaml, but neither the"
                + " step nor the file names its router): give router: in the step, nginx(ingress: 'payments'),"
                + " gatewayApi(route: 'payments'), istio(virtualService: 'payments') or replicas(), or in delivery.yaml's canary"
                + " section for every service, e.g. canary: {router: {nginx: {ingress: '{release}'}}}", outcome.failure());
        assertEquals(List.of(), fixture.launcher.launches());

        Files.writeString(fixture.workspace.resolve("delivery.yaml"), """
                canary:
                  pause: 5 minutes
                  router:
                    replicas: {}
                """);
        outcome = StepOutcome.run(new CanaryShiftStep("payments", "prod", "2.0.0"), fixture);
        assertThat(outcome.failure(), containsString("canaryShift: pause: "));
        assertThat("the log says the value came from the file", fixture.log(), containsString("From delivery.yaml for payments in"
                + " environment prod: router replicas(), pause 5 minutes"));
        assertEquals(List.of(), fixture.launcher.launches());

        Files.delete(fixture.workspace.resolve("delivery.yaml"));
        outcome = StepOutcome.run(new CanaryAbortStep("payments", "prod"), fixture);
        assertThat(outcome.failure(), containsString("canaryAbort: router: is required (the step names none and the workspace has no"
                + " delivery.yaml): give router: in the step"));
        assertEquals(List.of(), fixture.launcher.launches());
    }
}
