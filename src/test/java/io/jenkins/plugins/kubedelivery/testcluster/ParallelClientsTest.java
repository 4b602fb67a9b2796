package io.jenkins.plugins.kubedelivery.testcluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.testcluster.ClientProcess.Result;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.Rule;
import org.junit.Test;

/** Several helm releases installed at once, as a preview of many services does. */
public class ParallelClientsTest {
    @Rule
    public final TestCluster cluster = new TestCluster().readyAfter(Duration.ofMillis(300));

    @Test
    public void releasesInstalledInParallelAllBecomeReady() throws Exception {
        List<String> helms = List.of(Tools.HELM_4, Tools.HELM_4, Tools.HELM_4, Tools.HELM_3, Tools.HELM_3);
        ExecutorService pool = Executors.newFixedThreadPool(helms.size());
        try {
            List<Future<Result>> runs = new ArrayList<>();
            for (int i = 0; i < helms.size(); i++) {
                String release = "svc" + i;
                String helm = helms.get(i);
                runs.add(pool.submit(() -> ClientProcess.run(cluster, Duration.ofSeconds(60), Tools.helm(helm),
                        "upgrade", "--install", release, TestFiles.chart().toString(), "-n", "preview-" + release,
                        "--create-namespace", "--wait", "--timeout", "30s")));
            }
            for (Future<Result> run : runs) {
                Result result = run.get();
                assertTrue(result.toString(), result.succeeded());
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < helms.size(); i++) {
            String release = "svc" + i;
            assertEquals(1, cluster.object("apps/v1", "Deployment", "preview-" + release, release).orElseThrow()
                    .path("status").path("readyReplicas").asInt());
            assertEquals("deployed", cluster.object("v1", "Secret", "preview-" + release,
                    "sh.helm.release.v1." + release + ".v1").orElseThrow().path("metadata").path("labels")
                    .path("status").asText());
        }
        assertTrue(cluster.requests().stream().noneMatch(r -> r.status() >= 500));
    }
}
