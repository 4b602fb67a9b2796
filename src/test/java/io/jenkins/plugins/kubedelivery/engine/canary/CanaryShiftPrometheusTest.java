package io.jenkins.plugins.kubedelivery.engine.canary;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.analysis.AnalysisPhase;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricReading;
import io.jenkins.plugins.kubedelivery.engine.analysis.Threshold;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.PrometheusMetricProvider;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.QueryTemplate;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.RequestMetrics;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.http.JdkHttpTransport;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingCluster;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.MetricsExporter;
import io.jenkins.plugins.kubedelivery.testsupport.RealPrometheus;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;

/**
 * canaryShift with the built-in error-rate check's real ingress-nginx query, measured by a real
 * Prometheus scraping an exporter this test controls: a healthy canary is promoted, a failing one
 * aborted with the measured rate in its reason. The stable version's requests always fail, so a
 * query that counted them would fail the healthy case.
 */
public class CanaryShiftPrometheusTest {
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static MetricsExporter exporter;
    private static RealPrometheus prometheus;

    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster();

    @BeforeClass
    public static void startPrometheus() throws Exception {
        exporter = MetricsExporter.start();
        serve("healthy", 199, 1);
        serve("failing", 90, 10);
        prometheus = RealPrometheus.scraping(exporter);
        PrometheusMetricProvider provider = provider();
        MetricQuery healthy = QueryTemplate.render("analysis", RequestMetrics.INGRESS_NGINX.errorRate(), Map.of("namespace",
                "healthy", "ingress", "payments", "interval", QueryTemplate.range(INTERVAL)));
        prometheus.await("scraping", () -> {
            try {
                return provider.read(healthy) instanceof MetricReading.Value v && !Double.isNaN(v.value()) && v.requests() > 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    @AfterClass
    public static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (exporter != null) {
            exporter.close();
        }
    }

    /** ingress-nginx's request counter for the canary (a non-empty canary label) and for stable (always 500s). */
    private static void serve(String namespace, double ok, double failed) {
        String canary = namespace + "-payments-canary-8080";
        exporter.ingressNginxRequests(namespace, "payments", canary, "200", ok);
        exporter.ingressNginxRequests(namespace, "payments", canary, "503", failed);
        exporter.ingressNginxRequests(namespace, "payments", "", "500", 50);
    }

    private static PrometheusMetricProvider provider() {
        return new PrometheusMetricProvider(new JdkHttpTransport(), prometheus.url(), Map.of(), Duration.ofSeconds(10));
    }

    private CanaryShiftResult canaryIn(String namespace) throws Exception {
        cluster.createNamespace(namespace);
        EnginePorts ports = fixture.livePorts(cluster, Tools.HELM_3);
        ClusterTarget target = EngineFixture.target(cluster);
        new DeployService(ports, target, "test").run(DeployRequest.builder("payments", "prod").namespace(namespace).imageTag("1.0.0").build());
        new RoutingCluster(fixture, cluster, Tools.KUBECTL_135).apply("""
                {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"payments","namespace":"%s"},
                 "spec":{"ingressClassName":"nginx","rules":[{"host":"pay.example.com","http":{"paths":[
                   {"path":"/","pathType":"Prefix","backend":{"service":{"name":"payments","port":{"number":8080}}}}]}}]}}
                """.formatted(namespace));
        MetricCheck errorRate = new MetricCheck("error-rate", Threshold.atMost(0.01), null, 0, 0,
                MetricCheck.DEFAULT_CONSECUTIVE_ERROR_LIMIT);
        CanaryPlan plan = new CanaryPlan(List.of(new CanaryStep(50, Pause.NONE), new CanaryStep(100, Pause.NONE)), INTERVAL,
                List.of(errorRate), 100);
        CanaryShiftRequest request = new CanaryShiftRequest(DeployRequest.builder("payments", "prod").namespace(namespace)
                .imageTag("2.0.0").build(), plan, Map.of("error-rate", RequestMetrics.INGRESS_NGINX.errorRate()),
                "payments/main #7");
        return new CanaryShift(ports, target, new RouterSpec.Nginx("payments"), provider(), new FakeCanaryClock()).run(request);
    }

    @Test
    public void healthyCanaryMeasuredByPrometheusIsPromoted() throws Exception {
        CanaryShiftResult result = canaryIn("healthy");
        assertTrue(fixture.logText(), result.promoted());
        assertEquals(2, result.measurements().size());
        assertTrue(result.measurements().stream().allMatch(m -> m.phase() == AnalysisPhase.SUCCESSFUL));
        assertEquals(0.005, result.measurements().get(0).value(), 0.002);
    }

    @Test
    public void failingCanaryMeasuredByPrometheusIsAbortedWithTheRate() throws Exception {
        CanaryShiftResult result = canaryIn("failing");
        assertTrue(fixture.logText(), result.aborted());
        assertEquals(0.1, result.measurements().get(0).value(), 0.01);
        assertThat(result.reason(), containsString("> max 0.01 in 1 of 1 measurements (failureLimit 0) at weight 50"));
    }
}
