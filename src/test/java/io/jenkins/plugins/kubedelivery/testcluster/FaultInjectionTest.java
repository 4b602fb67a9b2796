package io.jenkins.plugins.kubedelivery.testcluster;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.testcluster.ClientProcess.Result;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.time.Duration;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/** Faults switched on through the rule reach the real clients as a flaky cluster would. */
public class FaultInjectionTest {
    @Rule
    public final TestCluster cluster = new TestCluster().readyAfter(Duration.ofMillis(300));

    @Test
    public void serverErrorsFailTheNextMatchingRequestsOnly() {
        ok("create", "configmap", "settings", "--from-literal=k=v");
        cluster.failNext(2, 500, "GET", "configmaps");
        for (int attempt = 0; attempt < 2; attempt++) {
            Result failed = kubectl("get", "configmap", "settings");
            assertEquals(failed.toString(), 1, failed.exitCode());
            assertThat(failed.stderr(), containsString("Error from server (InternalError)"));
        }
        ok("get", "configmap", "settings");
        assertEquals(List.of(500, 500, 200), statuses("GET", "/api/v1/namespaces/default/configmaps/settings"));
    }

    @Test
    public void tooManyRequestsIsRetriedByTheClient() {
        ok("create", "configmap", "settings", "--from-literal=k=v");
        cluster.failNext(1, 429, "GET", "configmaps");
        ok("get", "configmap", "settings");
        assertEquals(List.of(429, 200), statuses("GET", "/api/v1/namespaces/default/configmaps/settings"));
    }

    @Test
    public void conflictsReachTheClient() {
        ok("create", "configmap", "settings", "--from-literal=k=v");
        cluster.failNext(1, 409, "PATCH", "configmaps");
        Result conflict = kubectl("annotate", "configmap", "settings", "owner=ops");
        assertEquals(conflict.toString(), 1, conflict.exitCode());
        assertThat(conflict.stderr(), containsString("(Conflict)"));
    }

    @Test
    public void refusedConnectionsFailUntilTheServerListensAgain() {
        ok("create", "configmap", "settings", "--from-literal=k=v");
        cluster.refuseConnections();
        Result refused = kubectl("get", "configmap", "settings", "--request-timeout=5s");
        assertEquals(1, refused.exitCode());
        assertThat(refused.stderr(), containsString("connection refused"));
        cluster.acceptConnections();
        assertEquals("v", ok("get", "configmap", "settings", "-o", "jsonpath={.data.k}").stdout());
    }

    @Test
    public void delaysSlowDownMatchingRequests() {
        ok("create", "configmap", "settings", "--from-literal=k=v");
        cluster.faults().delay(Duration.ofMillis(2500), "GET", "configmaps");
        long start = System.nanoTime();
        ok("get", "configmap", "settings");
        assertTrue("a delayed GET took its time", Duration.ofNanos(System.nanoTime() - start).toMillis() >= 2500);
        cluster.faults().clear();
        start = System.nanoTime();
        ok("get", "configmap", "settings");
        assertTrue("without the delay it is quick", Duration.ofNanos(System.nanoTime() - start).toMillis() < 2500);
    }

    @Test
    public void droppedWatchesAreResumedByRolloutStatus() {
        cluster.readyAfter(Duration.ofMillis(1500));
        cluster.faults().dropNextWatches(2, 1);
        ok("create", "deployment", "api", "--image=example.org/api:1");
        assertThat(ok("rollout", "status", "deployment/api", "--timeout=20s").stdout(),
                containsString("successfully rolled out"));
        long watches = cluster.requests().stream()
                .filter(r -> r.isWatch() && r.path().endsWith("/deployments")).count();
        assertTrue("the client watched again after the drop: " + watches, watches >= 3);
    }

    @Test
    public void aPendingReleaseIsReportedByHelm() {
        Result installed = ClientProcess.run(cluster, Tools.helm(Tools.HELM_4), "install", "tiny",
                TestFiles.chart().toString(), "--wait", "--timeout", "20s");
        assertTrue(installed.toString(), installed.succeeded());
        cluster.leaveReleasePending("default", "tiny");
        Result list = ClientProcess.run(cluster, Tools.helm(Tools.HELM_4), "list", "--pending", "-o", "json");
        assertThat(list.stdout(), containsString("\"status\":\"pending-upgrade\""));
    }

    private List<Integer> statuses(String method, String path) {
        return cluster.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path))
                .map(RecordedRequest::status).toList();
    }

    private Result kubectl(String... args) {
        return ClientProcess.run(cluster, Duration.ofSeconds(30), Tools.kubectl(Tools.KUBECTL_135), args);
    }

    private Result ok(String... args) {
        Result result = kubectl(args);
        assertTrue(result.toString(), result.succeeded());
        return result;
    }
}
