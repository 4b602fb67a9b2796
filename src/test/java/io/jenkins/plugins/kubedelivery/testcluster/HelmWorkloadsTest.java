package io.jenkins.plugins.kubedelivery.testcluster;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.kubedelivery.testcluster.ClientProcess.Result;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/**
 * The pinned helm versions install, upgrade and uninstall a chart of StatefulSet (with a claim
 * template), DaemonSet, PVC, RBAC, CronJob, PriorityClass and IngressClass with {@code --wait}
 * (helm 3's readiness checks, helm 4's kstatus), and see a Terminating namespace refuse them.
 */
@RunWith(Parameterized.class)
public class HelmWorkloadsTest {
    @ClassRule
    public static final TestCluster CLUSTER = new TestCluster().readyAfter(Duration.ofMillis(200))
            .nodes("node-a", "node-b").terminateNamespacesAfter(Duration.ofSeconds(3));

    @Parameters(name = "helm {0}")
    public static List<String> versions() {
        return Tools.HELM_VERSIONS;
    }

    @Parameter
    public String version;

    @Test
    public void installUpgradeAndUninstallWaitForEveryWorkload() {
        String release = "wl" + version.charAt(0);
        String namespace = "workloads-" + version.replace('.', '-');
        client().ok("upgrade", "--install", release, chart(), "-n", namespace, "--create-namespace", "--wait", "--timeout", "30s");
        JsonNode set = object("apps/v1", "StatefulSet", namespace, release + "-db").path("status");
        assertEquals(2, set.path("readyReplicas").asInt());
        assertEquals(2, object("apps/v1", "DaemonSet", namespace, release + "-agent").path("status").path("numberReady").asInt());
        assertEquals("Bound", object("v1", "PersistentVolumeClaim", namespace, release + "-cache").path("status")
                .path("phase").asText());
        assertEquals("Bound", object("v1", "PersistentVolumeClaim", namespace, "data-" + release + "-db-1").path("status")
                .path("phase").asText());
        assertTrue(CLUSTER.object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", null, release + "-nodes").isPresent());

        client().ok("upgrade", release, chart(), "-n", namespace, "--set", "tag=2.0", "--set", "replicas=3", "--wait",
                "--timeout", "30s");
        set = object("apps/v1", "StatefulSet", namespace, release + "-db").path("status");
        assertEquals(3, set.path("updatedReplicas").asInt());
        assertEquals(set.path("updateRevision").asText(), set.path("currentRevision").asText());
        assertEquals("example.org/agent:2.0", CLUSTER.store().list(ResourceCatalog.POD, namespace).stream()
                .filter(pod -> pod.path("metadata").path("name").asText().startsWith(release + "-agent-")).findFirst()
                .orElseThrow().path("spec").path("containers").get(0).path("image").asText());

        client().ok("uninstall", release, "-n", namespace, "--wait", "--timeout", "30s");
        assertFalse(CLUSTER.object("apps/v1", "StatefulSet", namespace, release + "-db").isPresent());
        assertFalse(CLUSTER.object("rbac.authorization.k8s.io/v1", "ClusterRole", null, release + "-nodes").isPresent());
        Awaits.until("pods collected", () -> CLUSTER.store().list(ResourceCatalog.POD, namespace).isEmpty());
        assertTrue("claims of a StatefulSet's templates stay, as on a real cluster",
                CLUSTER.object("v1", "PersistentVolumeClaim", namespace, "data-" + release + "-db-0").isPresent());
    }

    @Test
    public void aTerminatingNamespaceRefusesAnInstall() {
        String namespace = "leaving-" + version.replace('.', '-');
        CLUSTER.createNamespace(namespace);
        new RawApi(CLUSTER).delete("/api/v1/namespaces/" + namespace);
        Result refused = client().run("upgrade", "--install", "late", chart(), "-n", namespace, "--create-namespace");
        assertEquals(refused.toString(), 1, refused.exitCode());
        assertThat(refused.stderr(), containsString("is forbidden: unable to create new content in namespace "
                + namespace + " because it is being terminated"));
        CLUSTER.awaitNamespaceGone(namespace);
    }

    private JsonNode object(String apiVersion, String kind, String namespace, String name) {
        return CLUSTER.object(apiVersion, kind, namespace, name).orElseThrow(() -> new AssertionError(kind + " " + name));
    }

    private static String chart() {
        try {
            return Path.of(HelmWorkloadsTest.class.getResource("/testcluster/workloads-chart/Chart.yaml").toURI())
                    .getParent().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Client client() {
        return Client.helm(CLUSTER, version);
    }
}
