package io.jenkins.plugins.kubedelivery.jenkins.canary;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.RequestMetrics;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryShiftRequest;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryStep;
import io.jenkins.plugins.kubedelivery.engine.canary.Pause;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import io.jenkins.plugins.kubedelivery.jenkins.support.CanaryClusters;
import io.jenkins.plugins.kubedelivery.jenkins.support.Checkpoints;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * canaryShift through its adapter: parameters into the engine's request, the real engine with the
 * real helm and kubectl against the simulated cluster, Prometheus asked from the agent with the
 * credential's token, and the call kept with the build to run again after a restart.
 */
public class CanaryShiftStepTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TOKEN = "prometheus-token-7f3a9c2e";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    @Rule
    public final TestCluster cluster = new TestCluster();

    private static CanaryShiftStep step() {
        CanaryShiftStep step = new CanaryShiftStep("payments", "stage", "2.0.0");
        step.setRouter(new NginxCanaryRouter("payments"));
        step.setKubeconfigCredentialsId(StepFixture.CLUSTER_CREDENTIALS);
        return step;
    }

    @Test
    public void parametersBecomeTheEnginesRequest() {
        CanaryShiftStep step = step();
        step.setSteps(List.of(10, Map.of("weight", 50, "pause", "manual"), 100));
        step.setPause("10m");
        step.setInterval("30s");
        step.setAnalysis(List.of(new ErrorRateCheck(0.01), new LatencyCheck(500)));
        step.setPrometheusUrl("http://prometheus.monitoring:9090");
        step.setFailureLimit(1);
        step.setMinRequests(20);

        CanaryShiftSettings settings = step.settings("payments » main #7");
        CanaryShiftRequest request = settings.toRequest();

        assertEquals(new RouterSpec.Nginx("payments"), settings.router());
        assertEquals(List.of(new CanaryStep(10, new Pause.Timed(Duration.ofMinutes(10))), new CanaryStep(50, new Pause.Manual()),
                new CanaryStep(100, Pause.NONE)), request.plan().steps());
        assertEquals(Duration.ofSeconds(30), request.plan().interval());
        assertEquals(20, request.plan().minRequests());
        assertEquals(List.of("error-rate", "latency-p99"), request.plan().checks().stream().map(c -> c.name()).toList());
        assertEquals(1, request.plan().checks().get(0).failureLimit());
        assertEquals(RequestMetrics.INGRESS_NGINX.errorRate(), request.queries().get("error-rate"));
        assertEquals("2.0.0", request.deploy().imageTag());
        assertEquals("payments » main #7", request.build());
    }

    @Test
    public void aCanaryWithoutChecksIsPromotedOnTheCluster() throws Exception {
        StepFixture fixture = clusterFixture();
        // the stable release the canary runs beside
        CanaryClusters.helm(cluster, tmp, "upgrade", "--install", "payments", fixture.workspace.resolve("helm/payments").toString(),
                "--namespace", "stage");
        CanaryShiftStep step = step();
        step.setSteps(List.of(50, 100));
        step.setPause("1s");
        step.setInterval("1s");

        TestStepContext context = fixture.run(step, WAIT);

        assertNull(fixture.log(), context.failure());
        Map<?, ?> result = (Map<?, ?>) context.result();
        assertEquals("promoted", result.get("state"));
        assertEquals(true, result.get("promoted"));
        assertEquals("payments-canary", result.get("canaryRelease"));
        assertThat(fixture.log(), containsString("Step 1 of 2: canary at 50%"));
        assertThat(fixture.log(), containsString("Promoted payments"));
        assertEquals("", kubectl("get", "ingress", "payments-canary", "-n", "stage", "--ignore-not-found", "-o", "name"));
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    @Test
    public void prometheusIsAskedFromTheAgentWithTheCredentialsTokenWhichNoOutputShows() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer prometheus = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        prometheus.createContext("/api/v1/query", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"storage not ready\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        prometheus.start();
        try {
            StepFixture fixture = clusterFixture();
            fixture.credentials.secretText("prometheus-token", TOKEN);
            CanaryShiftStep step = step();
            step.setAnalysis(List.of(new ErrorRateCheck(0.01)));
            step.setPrometheusUrl("http://127.0.0.1:" + prometheus.getAddress().getPort());
            step.setPrometheusCredentialsId("prometheus-token");

            TestStepContext context = fixture.run(step, WAIT);

            String failure = String.valueOf(context.failure().getMessage());
            assertTrue(failure, failure.startsWith("canaryShift: prometheusUrl: the metric source does not answer (HTTP 503,"
                    + " unavailable: storage not ready)"));
            assertEquals(List.of("Bearer " + TOKEN), authorizations);
            assertThat(fixture.log() + failure, not(containsString(TOKEN)));
            assertFalse("no helm upgrade ran", fixture.launcher.launches().stream().anyMatch(l -> l.cmds().contains("upgrade")));
        } finally {
            prometheus.stop(0);
        }
    }

    @Test
    public void theCallIsKeptWithTheBuildWithoutTheTokenAndRunsAgainAfterARestart() throws Exception {
        StepFixture before = StepFixture.canned(tmp.newFolder("before"));
        CanaryShiftStep step = step();
        step.setKubeconfigCredentialsId(null);
        step.setPrometheusCredentialsId("prometheus-token");
        TestStepContext beforeContext = before.context();
        StepExecution execution = step.start(beforeContext);
        assertThat(new String(Checkpoints.write(execution, beforeContext), StandardCharsets.ISO_8859_1), not(containsString(TOKEN)));

        TestStepContext after = StepFixture.canned(tmp.newFolder("after")).context();
        Checkpoints.restart(execution, beforeContext, after).onResume();
        assertTrue(after.await(WAIT));
        String failure = after.failure().getMessage();
        assertThat("the call ran again instead of failing with advice", failure,
                not(containsString("the Jenkins controller restarted")));
        assertThat(failure, containsString("prometheusCredentialsId"));
    }

    private StepFixture clusterFixture() throws Exception {
        return CanaryClusters.withStableIngress(cluster, tmp);
    }

    private String kubectl(String... arguments) throws Exception {
        return CanaryClusters.kubectl(cluster, tmp, arguments);
    }
}
