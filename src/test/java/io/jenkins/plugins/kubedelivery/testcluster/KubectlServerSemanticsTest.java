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
import java.util.List;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/**
 * What the real API server does with a request beyond storing it, as kubectl shows it: server-side
 * dry runs store nothing, explicit nulls are dropped, and a kind nobody serves is "no matches".
 */
@RunWith(Parameterized.class)
public class KubectlServerSemanticsTest {
    @ClassRule
    public static final TestCluster CLUSTER = new TestCluster();

    @Parameters(name = "kubectl {0}")
    public static List<String> versions() {
        return Tools.KUBECTL_VERSIONS;
    }

    @Parameter
    public String version;

    @Test
    public void serverDryRunsOfApplyAndCreateStoreNothing() {
        String name = client().unique("dry");
        Path manifest = configMap(name, "blue");
        assertThat(client().ok("apply", "--dry-run=server", "-f", manifest.toString()).stdout(),
                containsString("configmap/" + name + " created (server dry run)"));
        assertThat(client().ok("create", "--dry-run=server", "-f", manifest.toString()).stdout(),
                containsString("configmap/" + name + " created (server dry run)"));
        JsonNode dry = client().json("create", "--dry-run=server", "-f", manifest.toString(), "-o", "json");
        assertFalse("a dry-run create gets a uid", dry.path("metadata").path("uid").asText().isEmpty());
        assertTrue(CLUSTER.object("v1", "ConfigMap", "default", name).isEmpty());
        long revision = CLUSTER.store().revision();

        client().ok("apply", "-f", manifest.toString());
        assertThat(client().ok("apply", "--dry-run=server", "-f", configMap(name, "pink").toString()).stdout(),
                containsString("configmap/" + name + " configured (server dry run)"));
        assertThat(client().ok("apply", "--server-side", "--dry-run=server", "-f", configMap(name, "green").toString()).stdout(),
                containsString("configmap/" + name + " serverside-applied (server dry run)"));
        assertEquals("blue", CLUSTER.object("v1", "ConfigMap", "default", name).orElseThrow()
                .path("data").path("color").asText());
        Result taken = client().run("create", "--dry-run=server", "-f", manifest.toString());
        assertEquals(taken.toString(), 1, taken.exitCode());
        assertThat(taken.stderr(), containsString("configmaps \"" + name + "\" already exists"));
        String deleted = client().ok("delete", "configmap", name, "--dry-run=server").stdout();
        assertThat(deleted, containsString("configmap \"" + name + "\" deleted"));
        assertThat(deleted, containsString("(server dry run)"));
        assertTrue(CLUSTER.object("v1", "ConfigMap", "default", name).isPresent());
        assertTrue("only the real apply changed the store", CLUSTER.store().revision() == revision + 1);
    }

    @Test
    public void explicitNullsInABodyAreDropped() {
        String name = client().unique("nulls");
        Path manifest = TestFiles.write(CLUSTER, name + ".json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"name\":\"" + name + "\",\"labels\":null,\"annotations\":{\"a\":\"b\"}},"
                + "\"immutable\":null,\"data\":{\"k\":\"v\"},\"binaryData\":null}");
        client().ok("create", "-f", manifest.toString());
        JsonNode stored = CLUSTER.object("v1", "ConfigMap", "default", name).orElseThrow();
        assertFalse(stored.toString(), stored.has("immutable") || stored.has("binaryData")
                || stored.path("metadata").has("labels"));
        assertFalse(client().ok("get", "configmap", name, "-o", "json").stdout().contains(": null"));
        client().ok("replace", "-f", manifest.toString());
        assertFalse(CLUSTER.object("v1", "ConfigMap", "default", name).orElseThrow().has("immutable"));
    }

    @Test
    public void anUnknownKindIsNoMatchesForKind() {
        String name = client().unique("unknown");
        Path manifest = TestFiles.write(CLUSTER, name + ".yaml",
                "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: " + name + "\n");
        Result result = client().run("apply", "-f", manifest.toString());
        assertEquals(result.toString(), 1, result.exitCode());
        assertThat(result.stderr(), containsString("resource mapping not found for name: \"" + name + "\" namespace: \"\""
                + " from \"" + manifest + "\": no matches for kind \"Widget\" in version \"example.com/v1\""));
        assertThat(result.stderr(), containsString("ensure CRDs are installed first"));
        Path oldVersion = TestFiles.write(CLUSTER, name + "-pdb.yaml",
                "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: " + name + "\n");
        assertThat(client().run("apply", "-f", oldVersion.toString()).stderr(),
                containsString("no matches for kind \"PodDisruptionBudget\" in version \"policy/v1beta1\""));
    }

    private Path configMap(String name, String color) {
        return TestFiles.write(CLUSTER, name + "-" + color + ".yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  color: " + color + "\n");
    }

    private Client client() {
        return Client.kubectl(CLUSTER, version);
    }
}
