package io.jenkins.plugins.kubedelivery.testcluster;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.kubedelivery.testcluster.ClientProcess.Result;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/**
 * A deleted namespace goes through {@code Terminating} as on a real cluster: its objects go at once,
 * nothing new may be created in it, and it disappears after the cluster's termination delay.
 */
@RunWith(Parameterized.class)
public class NamespaceTerminationTest {
    private static final Duration TERMINATION = Duration.ofSeconds(3);

    @ClassRule
    public static final TestCluster CLUSTER = new TestCluster().terminateNamespacesAfter(TERMINATION);

    @Parameters(name = "kubectl {0}")
    public static List<String> versions() {
        return Tools.KUBECTL_VERSIONS;
    }

    @Parameter
    public String version;

    @Test
    public void aDeletedNamespaceIsTerminatingAndRefusesNewContent() {
        String namespace = client().unique("leaving");
        client().ok("create", "namespace", namespace);
        client().ok("-n", namespace, "create", "configmap", "old", "--from-literal=k=v");
        assertThat(client().ok("delete", "namespace", namespace, "--wait=false").stdout(),
                containsString("namespace \"" + namespace + "\" deleted"));
        JsonNode terminating = client().json("get", "namespace", namespace, "-o", "json");
        assertEquals("Terminating", terminating.path("status").path("phase").asText());
        assertTrue(terminating.toString(), terminating.path("metadata").hasNonNull("deletionTimestamp"));
        assertTrue(Pattern.compile("(?s).*" + namespace + "\\s+Terminating\\s+.*")
                .matcher(client().ok("get", "namespaces").stdout()).matches());
        Awaits.until("contents removed", () -> CLUSTER.object("v1", "ConfigMap", namespace, "old").isEmpty());

        Result refused = client().run("-n", namespace, "create", "configmap", "new", "--from-literal=k=v");
        assertEquals(refused.toString(), 1, refused.exitCode());
        assertThat(refused.stderr(), containsString("configmaps \"new\" is forbidden:"
                + " unable to create new content in namespace " + namespace + " because it is being terminated"));
        Path manifest = TestFiles.write(CLUSTER, namespace + ".yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\n  namespace: " + namespace + "\n");
        Result applyRefused = client().run("apply", "-f", manifest.toString());
        assertEquals(applyRefused.toString(), 1, applyRefused.exitCode());
        assertThat(applyRefused.stderr(), containsString("is forbidden: unable to create new content in namespace "
                + namespace + " because it is being terminated"));
        assertThat("a repeated delete answers the terminating namespace",
                client().ok("delete", "namespace", namespace, "--wait=false").stdout(),
                containsString("namespace \"" + namespace + "\" deleted"));

        Awaits.until("namespace gone", () -> CLUSTER.object("v1", "Namespace", null, namespace).isEmpty());
        client().ok("create", "namespace", namespace);
        client().ok("-n", namespace, "create", "configmap", "new", "--from-literal=k=v");
        client().ok("delete", "namespace", namespace, "--wait=false");
    }

    @Test
    public void deleteWaitsUntilTheNamespaceIsGone() {
        String namespace = client().unique("waited");
        client().ok("create", "namespace", namespace);
        client().ok("-n", namespace, "create", "deployment", "api", "--image=example.org/api:1");
        long start = System.nanoTime();
        client().ok("delete", "namespace", namespace, "--timeout=20s");
        long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertFalse(CLUSTER.object("v1", "Namespace", null, namespace).isPresent());
        assertFalse(CLUSTER.object("apps/v1", "Deployment", namespace, "api").isPresent());
        assertTrue("took " + tookMillis + " ms", tookMillis >= TERMINATION.toMillis() - 1000);
        Result gone = client().run("get", "namespace", namespace);
        assertThat(gone.stderr(), containsString("namespaces \"" + namespace + "\" not found"));
    }

    private Client client() {
        return Client.kubectl(CLUSTER, version);
    }
}
