package io.jenkins.plugins.kubedelivery.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricReading;
import io.jenkins.plugins.kubedelivery.engine.analysis.Threshold;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.PrometheusMetricProvider;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.QueryTemplate;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.RequestMetrics;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryClock;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryPlan;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryRelease;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryShift;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryShiftRequest;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryStep;
import io.jenkins.plugins.kubedelivery.engine.canary.Pause;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.http.JdkHttpTransport;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.MetricsExporter;
import io.jenkins.plugins.kubedelivery.testsupport.RealPrometheus;
import io.jenkins.plugins.kubedelivery.testsupport.StableIngress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Releases to prod through a canary, checked by a real Prometheus (Debian's package, started on
 * loopback as the tests start it) that scrapes a stand-in for ingress-nginx's request metrics which
 * the demo controls: one canary answers 0.5% of its requests with a 5xx and is promoted, the next
 * 6% and is aborted with the numbers, prod staying on the version before it. Pauses of seconds, not
 * minutes, keep it quick; everything else is what {@code canaryShift} does in a build, with the
 * real helm and kubectl against the simulated cluster. Prometheus is stopped when this part ends,
 * and by its shutdown hook if the demo is ended first.
 */
final class CanaryReleases {
    private static final String NAMESPACE = "prod";
    private static final String SERVICE = "payments";
    private static final Duration PAUSE = Duration.ofSeconds(3);
    private static final Duration INTERVAL = Duration.ofSeconds(3);
    private static final double MAX_ERROR_RATE = 0.01;
    /** The canary's upstream as ingress-nginx labels its requests: {@code <namespace>-<service>-<port>}. */
    private static final String CANARY_UPSTREAM = NAMESPACE + "-" + CanaryRelease.nameFor(SERVICE) + "-8080";

    private final EnginePorts ports;
    private final ClusterTarget cluster;
    private final TestCluster testCluster;

    CanaryReleases(EnginePorts ports, ClusterTarget cluster, TestCluster testCluster) {
        this.ports = ports;
        this.cluster = cluster;
        this.testCluster = testCluster;
    }

    void run() throws Exception {
        StableIngress.create(testCluster, NAMESPACE, SERVICE, "pay.example.com", 8080);
        System.out.println();
        System.out.println("prod's Ingress " + SERVICE + " sends pay.example.com to Service " + SERVICE + "; the nginx router"
                + " adds a canary Ingress beside it");
        try (MetricsExporter ingressNginx = MetricsExporter.start()) {
            long starting = System.nanoTime();
            try (RealPrometheus prometheus = RealPrometheus.scraping(ingressNginx)) {
                System.out.printf("Prometheus started on %s in %.1fs, scraping every second a stand-in for ingress-nginx's"
                        + " request metrics that the demo controls%n", prometheus.url(), (System.nanoTime() - starting) / 1e9);
                PrometheusMetricProvider metrics = new PrometheusMetricProvider(new JdkHttpTransport(), prometheus.url(), Map.of(),
                        Duration.ofSeconds(10));

                canaryAnswers(ingressNginx, 199, 1);
                prometheus.await("scraping the canary's requests", () -> hasRequests(metrics));
                DeliveryDemo.build("shop/release-1.7.0 #1", "release 1.7.0 to prod through a canary: 0.5% of its requests"
                        + " fail, within errorRate(max: " + MAX_ERROR_RATE + ")");
                DeliveryDemo.step("canaryShift", () -> canaryShift("1.7.0", metrics, "shop/release-1.7.0 #1"));
                printProd();

                canaryAnswers(ingressNginx, 188, 12);
                DeliveryDemo.build("shop/release-1.8.0 #1", "release 1.8.0 to prod through a canary: 6% of its requests fail");
                DeliveryDemo.step("canaryShift", () -> canaryShift("1.8.0", metrics, "shop/release-1.8.0 #1"));
                printProd();
            }
            System.out.println("Prometheus stopped, its data removed");
        }
    }

    /** What ingress-nginx would count for the canary from now on: requests a second answered fine, and with a 503. */
    private static void canaryAnswers(MetricsExporter ingressNginx, double ok, double failed) {
        ingressNginx.ingressNginxRequests(NAMESPACE, SERVICE, CANARY_UPSTREAM, "200", ok);
        ingressNginx.ingressNginxRequests(NAMESPACE, SERVICE, CANARY_UPSTREAM, "503", failed);
    }

    /** Whether Prometheus has scraped enough of the canary's requests for the error rate's {@code rate()}. */
    private static boolean hasRequests(PrometheusMetricProvider metrics) {
        try {
            return metrics.read(QueryTemplate.render("analysis", RequestMetrics.INGRESS_NGINX.errorRate(), Map.of("namespace",
                    NAMESPACE, "ingress", SERVICE, "interval", QueryTemplate.range(INTERVAL)))) instanceof MetricReading.Value v
                    && !Double.isNaN(v.value());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * As {@code canaryShift(service: 'payments', environment: 'prod', imageTag: version, router: nginx(ingress: 'payments'),
     * steps: [10, 50, 100], pause: '3s', interval: '3s', analysis: [errorRate(max: 0.01)], minRequests: 100)}.
     */
    private Object canaryShift(String version, PrometheusMetricProvider metrics, String build) throws InterruptedException {
        Pause pause = new Pause.Timed(PAUSE);
        CanaryPlan plan = new CanaryPlan(List.of(new CanaryStep(10, pause), new CanaryStep(50, pause),
                new CanaryStep(100, Pause.NONE)), INTERVAL, List.of(new MetricCheck("error-rate",
                Threshold.atMost(MAX_ERROR_RATE), null, 0, 0, MetricCheck.DEFAULT_CONSECUTIVE_ERROR_LIMIT)), 100);
        CanaryShiftRequest request = new CanaryShiftRequest(DeployRequest.builder(SERVICE, NAMESPACE).imageTag(version)
                .timeout(Duration.ofSeconds(30)).build(), plan, Map.of("error-rate", RequestMetrics.INGRESS_NGINX.errorRate()),
                build);
        return new CanaryShift(ports, cluster, new RouterSpec.Nginx(SERVICE), metrics, CanaryClock.SYSTEM).run(request).toMap();
    }

    /** What prod runs now, read from the cluster: the stable image, and whatever of a canary is left. */
    private void printProd() {
        String image = testCluster.object("apps/v1", "Deployment", NAMESPACE, SERVICE).map(CanaryReleases::image).orElse("nothing");
        String canary = CanaryRelease.nameFor(SERVICE);
        List<String> left = new ArrayList<>();
        testCluster.object("apps/v1", "Deployment", NAMESPACE, canary).ifPresent(d -> left.add("Deployment " + canary));
        testCluster.object("networking.k8s.io/v1", "Ingress", NAMESPACE, canary).ifPresent(i -> left.add("Ingress " + canary));
        System.out.println("prod now: Deployment " + SERVICE + " runs " + image + "; of the canary "
                + (left.isEmpty() ? "nothing is left" : String.join(" and ", left) + " left"));
    }

    private static String image(ObjectNode deployment) {
        return deployment.at("/spec/template/spec/containers/0/image").asText();
    }
}
