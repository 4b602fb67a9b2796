package io.jenkins.plugins.kubedelivery.testcluster;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.kubedelivery.testcluster.ClientProcess.Result;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/** The StatefulSet, DaemonSet and volume controllers as kubectl sees them. */
@RunWith(Parameterized.class)
public class WorkloadControllersTest {
    @ClassRule
    public static final TestCluster CLUSTER = new TestCluster().readyAfter(Duration.ofMillis(150))
            .nodes("node-a", "node-b", "node-c");

    @Parameters(name = "kubectl {0}")
    public static List<String> versions() {
        return Tools.KUBECTL_VERSIONS;
    }

    @Parameter
    public String version;

    @Test
    public void aStatefulSetStartsInOrderWithItsClaimsAndRollsOutDownToItsPartition() {
        String name = "db-" + suffix();
        client().ok("apply", "-f", TestFiles.kindManifest(CLUSTER, "statefulset.yaml", suffix()).toString());
        assertThat(client().ok("rollout", "status", "statefulset/" + name, "--timeout=30s").stdout(),
                containsString("partitioned roll out complete: 3 new pods have been updated..."));
        JsonNode pods = client().json("get", "pods", "-l", "app=" + name, "-o", "json").path("items");
        assertEquals(3, pods.size());
        for (int ordinal = 0; ordinal < 3; ordinal++) {
            JsonNode pod = pods.get(ordinal);
            assertEquals(name + "-" + ordinal, pod.path("metadata").path("name").asText());
            assertEquals("data-" + name + "-" + ordinal,
                    pod.path("spec").path("volumes").get(0).path("persistentVolumeClaim").path("claimName").asText());
            assertEquals("Bound", client().ok("get", "pvc", "data-" + name + "-" + ordinal, "-o", "jsonpath={.status.phase}").stdout());
        }
        assertTrue(java.util.regex.Pattern.compile("(?s)NAME\\s+READY\\s+AGE\n" + name + "\\s+3/3\\s+\\d+s\n")
                .matcher(client().ok("get", "statefulset", name).stdout()).matches());
        assertTrue(java.util.regex.Pattern.compile("(?s).*data-" + name + "-0\\s+Bound\\s+pvc-[a-f0-9-]+\\s+1Gi\\s+RWO"
                + "\\s+standard\\s+<unset>\\s+\\d+s.*").matcher(client().ok("get", "pvc").stdout()).matches());
        JsonNode first = client().json("get", "statefulset", name, "-o", "json").path("status");
        assertEquals(first.path("currentRevision").asText(), first.path("updateRevision").asText());

        client().ok("patch", "statefulset", name, "--type", "merge", "-p",
                "{\"spec\":{\"updateStrategy\":{\"rollingUpdate\":{\"partition\":2}},\"template\":{\"spec\":"
                        + "{\"containers\":[{\"name\":\"db\",\"image\":\"example.org/db:2.0\"}]}}}}");
        assertThat(client().ok("rollout", "status", "statefulset/" + name, "--timeout=30s").stdout(),
                containsString("partitioned roll out complete: 1 new pods have been updated..."));
        JsonNode status = client().json("get", "statefulset", name, "-o", "json").path("status");
        assertEquals(1, status.path("updatedReplicas").asInt());
        assertEquals(2, status.path("currentReplicas").asInt());
        assertTrue(status.toString(), !status.path("currentRevision").asText().equals(status.path("updateRevision").asText()));
        assertEquals("example.org/db:2.0", image(name + "-2"));
        assertEquals("example.org/db:1.0", image(name + "-1"));
        assertEquals("2", client().ok("get", "controllerrevisions", "-l", "app=" + name, "-o", "name").stdout().lines().count() + "");

        client().ok("patch", "statefulset", name, "--type", "merge", "-p",
                "{\"spec\":{\"updateStrategy\":{\"rollingUpdate\":{\"partition\":0}}}}");
        assertThat(client().ok("rollout", "status", "statefulset/" + name, "--timeout=30s").stdout(),
                containsString("partitioned roll out complete: 3 new pods have been updated..."));
        Awaits.until("current revision caught up", () -> {
            JsonNode now = client().json("get", "statefulset", name, "-o", "json").path("status");
            return now.path("currentRevision").asText().equals(now.path("updateRevision").asText());
        });
        assertThat(client().ok("scale", "statefulset", name, "--replicas=1").stdout(), containsString("scaled"));
        Awaits.until("scaled down", () -> client().ok("get", "pods", "-l", "app=" + name, "-o", "name").stdout().trim()
                .equals("pod/" + name + "-0"));
        assertTrue("claims outlive their pods", CLUSTER.object("v1", "PersistentVolumeClaim", "default",
                "data-" + name + "-2").isPresent());
        client().ok("delete", "-f", TestFiles.kindManifest(CLUSTER, "statefulset.yaml", suffix()).toString());
        Awaits.until("pods collected", () -> client().ok("get", "pods", "-l", "app=" + name, "-o", "name").stdout().isBlank());
    }

    @Test
    public void aDaemonSetRunsOnePodPerNodeAndReplacesThemOnUpdate() {
        String name = "agent-" + suffix();
        client().ok("apply", "-f", TestFiles.kindManifest(CLUSTER, "daemonset.yaml", suffix()).toString());
        assertThat(client().ok("rollout", "status", "daemonset/" + name, "--timeout=30s").stdout(),
                containsString("daemon set \"" + name + "\" successfully rolled out"));
        JsonNode status = client().json("get", "daemonset", name, "-o", "json").path("status");
        assertEquals(3, status.path("desiredNumberScheduled").asInt());
        assertEquals(3, status.path("numberReady").asInt());
        assertEquals("node-a node-b node-c", client().ok("get", "pods", "-l", "app=" + name, "-o",
                "jsonpath={.items[*].spec.nodeName}").stdout().lines().flatMap(l -> List.of(l.split(" ")).stream())
                .sorted().reduce((a, b) -> a + " " + b).orElse(""));
        assertEquals(3, client().ok("get", "nodes", "-o", "name").stdout().lines().count());
        client().ok("set", "image", "daemonset/" + name, "agent=example.org/agent:2.0");
        client().ok("rollout", "status", "daemonset/" + name, "--timeout=30s");
        assertEquals("example.org/agent:2.0 example.org/agent:2.0 example.org/agent:2.0", client().ok("get", "pods", "-l",
                "app=" + name, "-o", "jsonpath={.items[*].spec.containers[0].image}").stdout().trim());
        client().ok("delete", "daemonset", name);
        Awaits.until("pods collected", () -> client().ok("get", "pods", "-l", "app=" + name, "-o", "name").stdout().isBlank());
    }

    @Test
    public void claimsBindThroughTheirStorageClass() {
        String suffix = suffix();
        Path manifest = TestFiles.write(CLUSTER, "claims-" + suffix + ".yaml", """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: lazy-%1$s
                provisioner: example.org/lazy
                volumeBindingMode: WaitForFirstConsumer
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: lazy-%1$s
                spec:
                  storageClassName: lazy-%1$s
                  accessModes: ["ReadWriteOnce"]
                  resources: {requests: {storage: 1Gi}}
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: nowhere-%1$s
                spec:
                  storageClassName: missing
                  accessModes: ["ReadWriteOnce"]
                  resources: {requests: {storage: 1Gi}}
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: default-%1$s
                spec:
                  accessModes: ["ReadWriteOnce"]
                  resources: {requests: {storage: 3Gi}}
                """.formatted(suffix));
        client().ok("apply", "-f", manifest.toString());
        client().ok("wait", "--for=jsonpath={.status.phase}=Bound", "pvc/default-" + suffix, "--timeout=30s");
        JsonNode bound = client().json("get", "pvc", "default-" + suffix, "-o", "json");
        assertEquals("standard", bound.path("spec").path("storageClassName").asText());
        assertEquals("3Gi", bound.path("status").path("capacity").path("storage").asText());
        String volume = bound.path("spec").path("volumeName").asText();
        assertEquals("default-" + suffix, client().ok("get", "pv", volume, "-o", "jsonpath={.spec.claimRef.name}").stdout());
        Result pending = client().run("wait", "--for=jsonpath={.status.phase}=Bound", "pvc/lazy-" + suffix, "pvc/nowhere-" + suffix,
                "--timeout=2s");
        assertEquals(pending.toString(), 1, pending.exitCode());
        assertEquals("Pending", client().ok("get", "pvc", "lazy-" + suffix, "-o", "jsonpath={.status.phase}").stdout());
        client().ok("delete", "pvc", "default-" + suffix);
        Awaits.until("volume reclaimed", () -> CLUSTER.object("v1", "PersistentVolume", null, volume).isEmpty());
    }

    private String image(String pod) {
        return client().ok("get", "pod", pod, "-o", "jsonpath={.spec.containers[0].image}").stdout();
    }

    private String suffix() {
        return "w" + version.replace('.', '-');
    }

    private Client client() {
        return Client.kubectl(CLUSTER, version);
    }
}
