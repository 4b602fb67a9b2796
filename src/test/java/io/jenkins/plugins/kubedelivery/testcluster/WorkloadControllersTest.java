package io.jenkins.plugins.kubedelivery.testcluster;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.kubedelivery.testcluster.ClientProcess.Result;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        ok("apply", "-f", manifest("statefulset.yaml").toString());
        assertThat(ok("rollout", "status", "statefulset/" + name, "--timeout=30s").stdout(),
                containsString("partitioned roll out complete: 3 new pods have been updated..."));
        JsonNode pods = json("get", "pods", "-l", "app=" + name, "-o", "json").path("items");
        assertEquals(3, pods.size());
        for (int ordinal = 0; ordinal < 3; ordinal++) {
            JsonNode pod = pods.get(ordinal);
            assertEquals(name + "-" + ordinal, pod.path("metadata").path("name").asText());
            assertEquals("data-" + name + "-" + ordinal,
                    pod.path("spec").path("volumes").get(0).path("persistentVolumeClaim").path("claimName").asText());
            assertEquals("Bound", ok("get", "pvc", "data-" + name + "-" + ordinal, "-o", "jsonpath={.status.phase}").stdout());
        }
        JsonNode first = json("get", "statefulset", name, "-o", "json").path("status");
        assertEquals(first.path("currentRevision").asText(), first.path("updateRevision").asText());

        ok("patch", "statefulset", name, "--type", "merge", "-p",
                "{\"spec\":{\"updateStrategy\":{\"rollingUpdate\":{\"partition\":2}},\"template\":{\"spec\":"
                        + "{\"containers\":[{\"name\":\"db\",\"image\":\"example.org/db:2.0\"}]}}}}");
        assertThat(ok("rollout", "status", "statefulset/" + name, "--timeout=30s").stdout(),
                containsString("partitioned roll out complete: 1 new pods have been updated..."));
        JsonNode status = json("get", "statefulset", name, "-o", "json").path("status");
        assertEquals(1, status.path("updatedReplicas").asInt());
        assertEquals(2, status.path("currentReplicas").asInt());
        assertTrue(status.toString(), !status.path("currentRevision").asText().equals(status.path("updateRevision").asText()));
        assertEquals("example.org/db:2.0", image(name + "-2"));
        assertEquals("example.org/db:1.0", image(name + "-1"));
        assertEquals("2", ok("get", "controllerrevisions", "-l", "app=" + name, "-o", "name").stdout().lines().count() + "");

        ok("patch", "statefulset", name, "--type", "merge", "-p",
                "{\"spec\":{\"updateStrategy\":{\"rollingUpdate\":{\"partition\":0}}}}");
        assertThat(ok("rollout", "status", "statefulset/" + name, "--timeout=30s").stdout(),
                containsString("partitioned roll out complete: 3 new pods have been updated..."));
        Awaits.until("current revision caught up", () -> {
            JsonNode now = json("get", "statefulset", name, "-o", "json").path("status");
            return now.path("currentRevision").asText().equals(now.path("updateRevision").asText());
        });
        assertThat(ok("scale", "statefulset", name, "--replicas=1").stdout(), containsString("scaled"));
        Awaits.until("scaled down", () -> ok("get", "pods", "-l", "app=" + name, "-o", "name").stdout().trim()
                .equals("pod/" + name + "-0"));
        assertTrue("claims outlive their pods", CLUSTER.object("v1", "PersistentVolumeClaim", "default",
                "data-" + name + "-2").isPresent());
        ok("delete", "-f", manifest("statefulset.yaml").toString());
        Awaits.until("pods collected", () -> ok("get", "pods", "-l", "app=" + name, "-o", "name").stdout().isBlank());
    }

    @Test
    public void aDaemonSetRunsOnePodPerNodeAndReplacesThemOnUpdate() {
        String name = "agent-" + suffix();
        ok("apply", "-f", manifest("daemonset.yaml").toString());
        assertThat(ok("rollout", "status", "daemonset/" + name, "--timeout=30s").stdout(),
                containsString("daemon set \"" + name + "\" successfully rolled out"));
        JsonNode status = json("get", "daemonset", name, "-o", "json").path("status");
        assertEquals(3, status.path("desiredNumberScheduled").asInt());
        assertEquals(3, status.path("numberReady").asInt());
        assertEquals("node-a node-b node-c", ok("get", "pods", "-l", "app=" + name, "-o",
                "jsonpath={.items[*].spec.nodeName}").stdout().lines().flatMap(l -> List.of(l.split(" ")).stream())
                .sorted().reduce((a, b) -> a + " " + b).orElse(""));
        assertEquals(3, ok("get", "nodes", "-o", "name").stdout().lines().count());
        ok("set", "image", "daemonset/" + name, "agent=example.org/agent:2.0");
        ok("rollout", "status", "daemonset/" + name, "--timeout=30s");
        assertEquals("example.org/agent:2.0 example.org/agent:2.0 example.org/agent:2.0", ok("get", "pods", "-l",
                "app=" + name, "-o", "jsonpath={.items[*].spec.containers[0].image}").stdout().trim());
        ok("delete", "daemonset", name);
        Awaits.until("pods collected", () -> ok("get", "pods", "-l", "app=" + name, "-o", "name").stdout().isBlank());
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
        ok("apply", "-f", manifest.toString());
        ok("wait", "--for=jsonpath={.status.phase}=Bound", "pvc/default-" + suffix, "--timeout=30s");
        JsonNode bound = json("get", "pvc", "default-" + suffix, "-o", "json");
        assertEquals("standard", bound.path("spec").path("storageClassName").asText());
        assertEquals("3Gi", bound.path("status").path("capacity").path("storage").asText());
        String volume = bound.path("spec").path("volumeName").asText();
        assertEquals("default-" + suffix, ok("get", "pv", volume, "-o", "jsonpath={.spec.claimRef.name}").stdout());
        Result pending = kubectl("wait", "--for=jsonpath={.status.phase}=Bound", "pvc/lazy-" + suffix, "pvc/nowhere-" + suffix,
                "--timeout=2s");
        assertEquals(pending.toString(), 1, pending.exitCode());
        assertEquals("Pending", ok("get", "pvc", "lazy-" + suffix, "-o", "jsonpath={.status.phase}").stdout());
        ok("delete", "pvc", "default-" + suffix);
        Awaits.until("volume reclaimed", () -> CLUSTER.object("v1", "PersistentVolume", null, volume).isEmpty());
    }

    private String image(String pod) {
        return ok("get", "pod", pod, "-o", "jsonpath={.spec.containers[0].image}").stdout();
    }

    private Path manifest(String name) {
        try (InputStream in = getClass().getResourceAsStream("/testcluster/kinds/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{v}}", suffix());
            return TestFiles.write(CLUSTER, "workloads-" + suffix() + "-" + name, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String suffix() {
        return "w" + version.replace('.', '-');
    }

    private Result kubectl(String... args) {
        return ClientProcess.run(CLUSTER, Duration.ofSeconds(60), Tools.kubectl(version), args);
    }

    private Result ok(String... args) {
        Result result = kubectl(args);
        assertTrue(result.toString(), result.succeeded());
        return result;
    }

    private JsonNode json(String... args) {
        return Json.parse(ok(args).stdout());
    }
}
