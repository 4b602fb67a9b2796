package io.jenkins.plugins.kubedelivery.testcluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.kubedelivery.testcluster.ClientProcess.Result;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.time.Duration;
import org.junit.Rule;
import org.junit.Test;

/** helm 4 with its helm 3 style modes: three-way strategic merge and the legacy wait. */
public class Helm4ClientSideModesTest {
    @Rule
    public final TestCluster cluster = new TestCluster().readyAfter(Duration.ofMillis(300));

    @Test
    public void threeWayMergeAndLegacyWaitWork() {
        ok("install", "tiny", TestFiles.chart().toString(), "--server-side=false", "--wait=legacy", "--timeout", "20s");
        ok("upgrade", "tiny", TestFiles.chart().toString(), "--server-side=false", "--wait=legacy", "--timeout", "20s",
                "--set", "servicePort=81");
        JsonNode ports = cluster.object("v1", "Service", "default", "tiny").orElseThrow().path("spec").path("ports");
        assertEquals(ports.toString(), 1, ports.size());
        assertEquals(81, ports.get(0).path("port").asInt());
        assertTrue(cluster.requests().stream().anyMatch(r -> r.method().equals("PATCH")
                && "application/strategic-merge-patch+json".equals(r.contentType())));
    }

    private void ok(String... args) {
        Result result = ClientProcess.run(cluster, Duration.ofSeconds(60), Tools.helm(Tools.HELM_4), args);
        assertTrue(result.toString(), result.succeeded());
    }
}
