package io.jenkins.plugins.kubedelivery.testcluster;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
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
 * Writes that must not happen are refused with the 409 a real API server sends: DeleteOptions
 * preconditions that no longer hold, a replace from a stale resourceVersion, a create of a name
 * that is taken; and the 422 of a JSON patch whose {@code test} operation fails. One cluster serves both kubectl versions; each test uses names of its own.
 */
@RunWith(Parameterized.class)
public class KubectlWriteConflictsTest {
    @ClassRule
    public static final TestCluster CLUSTER = new TestCluster();

    @Parameters(name = "kubectl {0}")
    public static List<String> versions() {
        return Tools.KUBECTL_VERSIONS;
    }

    @Parameter
    public String version;

    @Test
    public void aNamespaceDeleteWithMatchingPreconditionsDeletes() {
        String name = client().unique("pre-ok");
        client().ok("create", "namespace", name);
        JsonNode metadata = client().json("get", "namespace", name, "-o", "json").path("metadata");
        Path options = deleteOptions(name, metadata.path("uid").asText(), metadata.path("resourceVersion").asText());
        client().ok("delete", "--raw", "/api/v1/namespaces/" + name, "-f", options.toString());
        Awaits.until("namespace " + name + " gone", () -> CLUSTER.object("v1", "Namespace", null, name).isEmpty());
    }

    @Test
    public void aNamespaceDeleteWithAnotherUidIsAConflictAndDeletesNothing() {
        String name = client().unique("pre-uid");
        client().ok("create", "namespace", name);
        String uid = client().json("get", "namespace", name, "-o", "json").path("metadata").path("uid").asText();
        Result refused = client().run("delete", "--raw", "/api/v1/namespaces/" + name,
                "-f", deleteOptions(name, "00000000-0000-0000-0000-000000000000", null).toString());
        assertEquals(refused.toString(), 1, refused.exitCode());
        assertThat(refused.stderr(), containsString("Operation cannot be fulfilled on namespaces \"" + name
                + "\": Precondition failed: UID in precondition: 00000000-0000-0000-0000-000000000000,"
                + " UID in object meta: " + uid));
        assertTrue(CLUSTER.object("v1", "Namespace", null, name).isPresent());
    }

    @Test
    public void aNamespaceDeleteFromAStaleResourceVersionIsAConflict() {
        String name = client().unique("pre-rv");
        client().ok("create", "namespace", name);
        String stale = client().json("get", "namespace", name, "-o", "json").path("metadata").path("resourceVersion").asText();
        client().ok("label", "namespace", name, "changed=yes");
        String current = client().json("get", "namespace", name, "-o", "json").path("metadata").path("resourceVersion").asText();
        Result refused = client().run("delete", "--raw", "/api/v1/namespaces/" + name,
                "-f", deleteOptions(name, null, stale).toString());
        assertEquals(refused.toString(), 1, refused.exitCode());
        assertThat(refused.stderr(), containsString("Precondition failed: ResourceVersion in precondition: " + stale
                + ", ResourceVersion in object meta: " + current));
        assertTrue(CLUSTER.object("v1", "Namespace", null, name).isPresent());
    }

    @Test
    public void anObjectDeleteWithAnotherUidIsWordedByTheStorageLayer() {
        String name = client().unique("pre-cm");
        client().ok("create", "configmap", name, "--from-literal=k=v");
        String uid = client().json("get", "configmap", name, "-o", "json").path("metadata").path("uid").asText();
        Result refused = client().run("delete", "--raw", "/api/v1/namespaces/default/configmaps/" + name,
                "-f", deleteOptions(name, "other-uid", null).toString());
        assertEquals(refused.toString(), 1, refused.exitCode());
        assertThat(refused.stderr(), containsString("Operation cannot be fulfilled on configmaps \"" + name
                + "\": StorageError: invalid object, Code: 4, Key: /registry/configmaps/default/" + name
                + ", ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: other-uid,"
                + " UID in object meta: " + uid));
        assertTrue(CLUSTER.object("v1", "ConfigMap", "default", name).isPresent());
        client().ok("delete", "--raw", "/api/v1/namespaces/default/configmaps/" + name,
                "-f", deleteOptions(name, uid, null).toString());
        assertTrue(CLUSTER.object("v1", "ConfigMap", "default", name).isEmpty());
    }

    @Test
    public void aReplaceFromAStaleResourceVersionIsAConflict() {
        String name = client().unique("stale");
        client().ok("create", "configmap", name, "--from-literal=k=v");
        JsonNode read = client().json("get", "configmap", name, "-o", "json");
        client().ok("label", "configmap", name, "changed=yes");
        ((com.fasterxml.jackson.databind.node.ObjectNode) read.path("data")).put("k", "lost update");
        Path file = TestFiles.write(CLUSTER, name + ".json", Json.write(read));
        Result refused = client().run("replace", "-f", file.toString());
        assertEquals(refused.toString(), 1, refused.exitCode());
        assertThat(refused.stderr(), containsString("Error from server (Conflict): error when replacing \"" + file
                + "\": Operation cannot be fulfilled on configmaps \"" + name + "\": the object has been modified;"
                + " please apply your changes to the latest version and try again"));
        assertEquals("v", CLUSTER.object("v1", "ConfigMap", "default", name).orElseThrow().path("data").path("k").asText());
    }

    @Test
    public void aJsonPatchWhoseTestFailsIsUnprocessableAndChangesNothing() {
        String name = client().unique("patch-test");
        client().ok("create", "configmap", name, "--from-literal=k=v");
        Path patch = TestFiles.write(CLUSTER, name + "-patch.json", "[{\"op\":\"test\",\"path\":\"/data/k\",\"value\":\"other\"},"
                + "{\"op\":\"replace\",\"path\":\"/data/k\",\"value\":\"lost update\"}]");
        Result refused = client().run("patch", "configmap", name, "--type", "json", "--patch-file", patch.toString(), "-o", "json");
        assertEquals(refused.toString(), 1, refused.exitCode());
        assertThat(refused.stderr(), containsString("The request is invalid: the server rejected our request due to an error in"
                + " our request"));
        assertEquals("v", CLUSTER.object("v1", "ConfigMap", "default", name).orElseThrow().path("data").path("k").asText());
        Path passing = TestFiles.write(CLUSTER, name + "-passing.json", "[{\"op\":\"test\",\"path\":\"/data/k\",\"value\":\"v\"},"
                + "{\"op\":\"replace\",\"path\":\"/data/k\",\"value\":\"w\"}]");
        JsonNode patched = client().json("patch", "configmap", name, "--type", "json", "--patch-file", passing.toString(), "-o", "json");
        assertEquals("w", patched.path("data").path("k").asText());
    }

    @Test
    public void creatingATakenNameIsAlreadyExists() {
        String name = client().unique("taken");
        client().ok("create", "namespace", name);
        Result refused = client().run("create", "namespace", name);
        assertEquals(refused.toString(), 1, refused.exitCode());
        assertThat(refused.stderr(), containsString("Error from server (AlreadyExists): namespaces \"" + name
                + "\" already exists"));
    }

    private static Path deleteOptions(String name, String uid, String resourceVersion) {
        StringBuilder preconditions = new StringBuilder();
        if (uid != null) {
            preconditions.append("\"uid\":\"").append(uid).append('"');
        }
        if (resourceVersion != null) {
            preconditions.append(preconditions.length() > 0 ? "," : "")
                    .append("\"resourceVersion\":\"").append(resourceVersion).append('"');
        }
        return TestFiles.write(CLUSTER, name + "-delete-options.json",
                "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"preconditions\":{" + preconditions + "}}");
    }

    private Client client() {
        return Client.kubectl(CLUSTER, version);
    }
}
