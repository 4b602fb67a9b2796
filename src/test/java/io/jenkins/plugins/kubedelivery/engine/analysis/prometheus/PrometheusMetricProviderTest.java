package io.jenkins.plugins.kubedelivery.engine.analysis.prometheus;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricReading;
import io.jenkins.plugins.kubedelivery.engine.http.JdkHttpTransport;
import io.jenkins.plugins.kubedelivery.testsupport.MetricsExporter;
import io.jenkins.plugins.kubedelivery.testsupport.RealPrometheus;
import java.time.Duration;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The built-in checks' real queries against a real Prometheus scraping an exporter this test
 * controls, one namespace per situation, for each request-metrics source: a healthy canary, a
 * failing and slow one, one with traffic too thin to judge, one idle, one with no series at all.
 * The stable version's traffic is always bad, so a query that counted it would fail the test.
 */
public class PrometheusMetricProviderTest {
    private static final String INTERVAL = "10s";
    private static MetricsExporter exporter;
    private static RealPrometheus prometheus;
    private static PrometheusMetricProvider provider;

    @BeforeClass
    public static void startPrometheus() throws Exception {
        exporter = MetricsExporter.start();
        for (RequestMetrics source : RequestMetrics.values()) {
            serve(source, "healthy", 99, 1, 30);
            serve(source, "failing", 90, 10, 300);
            serve(source, "thin", 0.5, 0, 30);
            serve(source, "idle", 0, 0, 30);
        }
        prometheus = RealPrometheus.scraping(exporter);
        provider = new PrometheusMetricProvider(new JdkHttpTransport(), prometheus.url(), Map.of(), Duration.ofSeconds(10));
        // rate() needs two samples inside the range: wait for the scrapes, then every query has data.
        prometheus.await("scraping", () -> read(RequestMetrics.ISTIO.errorRate(), "healthy") instanceof MetricReading.Value v
                && !Double.isNaN(v.value()) && v.requests() > 0);
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

    /** Canary requests per second answered fine and with a 5xx, and how long each took; stable always bad. */
    private static void serve(RequestMetrics source, String namespace, double ok, double failed, double millis) {
        switch (source) {
            case INGRESS_NGINX -> {
                Map<String, String> canary = Map.of("namespace", namespace, "ingress", "payments", "canary", namespace + "-payments-canary-80");
                Map<String, String> stable = Map.of("namespace", namespace, "ingress", "payments", "canary", "");
                exporter.counter("nginx_ingress_controller_requests", with(canary, "status", "200"), ok);
                exporter.counter("nginx_ingress_controller_requests", with(canary, "status", "503"), failed);
                exporter.counter("nginx_ingress_controller_requests", with(stable, "status", "500"), 50);
                exporter.histogram("nginx_ingress_controller_request_duration_seconds", canary, ok + failed, millis / 1000,
                        MetricsExporter.SECONDS);
                exporter.histogram("nginx_ingress_controller_request_duration_seconds", stable, 50, 9, MetricsExporter.SECONDS);
            }
            case ISTIO -> {
                Map<String, String> canary = Map.of("reporter", "destination", "destination_workload_namespace", namespace,
                        "destination_workload", "payments-canary");
                Map<String, String> stable = with(canary, "destination_workload", "payments");
                exporter.counter("istio_requests_total", with(canary, "response_code", "200"), ok);
                exporter.counter("istio_requests_total", with(canary, "response_code", "500"), failed);
                exporter.counter("istio_requests_total", with(stable, "response_code", "500"), 50);
                exporter.histogram("istio_request_duration_milliseconds", canary, ok + failed, millis, MetricsExporter.MILLISECONDS);
                exporter.histogram("istio_request_duration_milliseconds", stable, 50, 9000, MetricsExporter.MILLISECONDS);
            }
            case ENVOY -> {
                Map<String, String> canary = Map.of("envoy_cluster_name", namespace + "_payments-canary_80");
                Map<String, String> stable = Map.of("envoy_cluster_name", namespace + "_payments_80");
                exporter.counter("envoy_cluster_upstream_rq", with(canary, "envoy_response_code", "200"), ok);
                exporter.counter("envoy_cluster_upstream_rq", with(canary, "envoy_response_code", "503"), failed);
                exporter.counter("envoy_cluster_upstream_rq", with(stable, "envoy_response_code", "503"), 50);
                exporter.histogram("envoy_cluster_upstream_rq_time", canary, ok + failed, millis, MetricsExporter.MILLISECONDS);
                exporter.histogram("envoy_cluster_upstream_rq_time", stable, 50, 9000, MetricsExporter.MILLISECONDS);
            }
        }
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        java.util.Map<String, String> copy = new java.util.HashMap<>(labels);
        copy.put(key, value);
        return copy;
    }

    private static MetricReading read(MetricQuery template, String namespace) {
        MetricQuery query = QueryTemplate.render("analysis", template, Map.of("namespace", namespace, "service", "payments",
                "canary", "payments-canary", "ingress", "payments", "interval", INTERVAL));
        try {
            return provider.read(query);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static MetricReading.Value value(MetricReading reading) {
        assertTrue("expected a value, got " + reading, reading instanceof MetricReading.Value);
        return (MetricReading.Value) reading;
    }

    @Test
    public void errorRateCountsOnlyTheCanarysRequests() {
        for (RequestMetrics source : RequestMetrics.values()) {
            MetricReading.Value healthy = value(read(source.errorRate(), "healthy"));
            assertEquals(source + " healthy", 0.01, healthy.value(), 0.001);
            assertTrue(source + " requests " + healthy.requests(), healthy.requests() > 100); // 100 a second, seconds after the start
            assertEquals(source + " failing", 0.1, value(read(source.errorRate(), "failing")).value(), 0.005);
        }
    }

    @Test
    public void latencyIsTheCanarysPercentileInMilliseconds() {
        for (RequestMetrics source : RequestMetrics.values()) {
            // All requests take 30 ms (or 300 ms): the 99th percentile interpolates inside the bucket (25, 50] ms.
            assertEquals(source + " healthy", 49.75, value(read(source.latency(99), "healthy")).value(), 0.01);
            assertEquals(source + " failing", 497.5, value(read(source.latency(99), "failing")).value(), 0.1);
            assertEquals(source + " p50", 37.5, value(read(source.latency(50), "healthy")).value(), 0.01);
        }
    }

    @Test
    public void thinTrafficCarriesItsRequestCount() {
        for (RequestMetrics source : RequestMetrics.values()) {
            MetricReading.Value thin = value(read(source.errorRate(), "thin"));
            assertEquals(source.toString(), 0, thin.value(), 0);
            assertTrue(source + " requests " + thin.requests(), thin.requests() < 50);
        }
    }

    @Test
    public void anIdleCanaryGivesNotANumber() {
        for (RequestMetrics source : RequestMetrics.values()) {
            MetricReading.Value idle = value(read(source.errorRate(), "idle"));
            assertTrue(source + " " + idle, Double.isNaN(idle.value()));
            assertEquals(0, idle.requests(), 0);
        }
    }

    @Test
    public void aCanaryWithoutSeriesHasNoData() {
        for (RequestMetrics source : RequestMetrics.values()) {
            assertEquals(source.toString(), new MetricReading.NoData("the query matched no series"),
                    read(source.errorRate(), "nowhere"));
        }
    }

    @Test
    public void badQueriesAndAggregationsComeBackAsFailures() throws Exception {
        MetricReading broken = provider.read(new MetricQuery("sum(rate(x[1m]", null));
        assertTrue(broken.toString(), broken instanceof MetricReading.Failure f && f.message().startsWith("HTTP 400, bad_data:"));
        MetricReading many = provider.read(new MetricQuery("sum by (envoy_response_code) (envoy_cluster_upstream_rq)", null));
        assertEquals(new MetricReading.Failure("the query returned 2 series; it must return one (aggregate it, e.g. with sum())"), many);
    }

    @Test
    public void availabilityIsCheckedWithARealQuery() throws Exception {
        assertNull(provider.unavailableReason());
        PrometheusMetricProvider nowhere = new PrometheusMetricProvider(new JdkHttpTransport(), "http://127.0.0.1:9", Map.of(),
                Duration.ofSeconds(2));
        String reason = nowhere.unavailableReason();
        assertNotNull(reason);
        assertTrue(reason, reason.startsWith("http://127.0.0.1:9/api/v1/query did not answer"));
        assertTrue(nowhere.read(new MetricQuery("vector(1)", null)) instanceof MetricReading.Failure);
    }
}
