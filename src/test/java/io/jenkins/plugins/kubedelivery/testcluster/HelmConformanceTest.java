package io.jenkins.plugins.kubedelivery.testcluster;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.kubedelivery.testcluster.ClientProcess.Result;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/** The pinned helm versions install, upgrade, roll back and uninstall the test chart. */
@RunWith(Parameterized.class)
public class HelmConformanceTest {
    private static final String NAMESPACE = "shop";
    private static final String RELEASE = "tiny";

    @Parameters(name = "helm {0}")
    public static List<String> versions() {
        return Tools.HELM_VERSIONS;
    }

    @Parameter
    public String version;

    @Rule
    public final TestCluster cluster = new TestCluster().readyAfter(Duration.ofMillis(300))
            .failAfter(Duration.ofMillis(800)).failImagesWithTag("bad");

    @Test
    public void installUpgradeRollbackAndUninstall() {
        ok(install());
        JsonNode status = json("status", RELEASE, "-n", NAMESPACE, "-o", "json");
        assertEquals("deployed", status.path("info").path("status").asText());
        assertEquals(1, status.path("version").asInt());
        assertEquals("1", deploymentReadyReplicas());
        ok(upgrade("--set", "message=bye"));
        assertEquals("bye", configValue());
        ok("rollback", RELEASE, "1", "-n", NAMESPACE, "--wait", "--timeout", "20s");
        assertEquals("hello", configValue());
        JsonNode history = json("history", RELEASE, "-n", NAMESPACE, "-o", "json");
        assertEquals(List.of("1:superseded", "2:superseded", "3:deployed"), revisions(history));
        assertEquals("Rollback to 1", history.get(2).path("description").asText());
        ok("uninstall", RELEASE, "-n", NAMESPACE, "--wait", "--timeout", "20s");
        assertFalse(cluster.object("apps/v1", "Deployment", NAMESPACE, RELEASE).isPresent());
        assertFalse(cluster.object("v1", "Secret", NAMESPACE, "sh.helm.release.v1." + RELEASE + ".v1").isPresent());
        assertEquals(1, helm("status", RELEASE, "-n", NAMESPACE).exitCode());
    }

    @Test
    public void releaseRecordsAreHelmSecrets() {
        ok(install());
        ObjectNode secret = cluster.object("v1", "Secret", NAMESPACE, "sh.helm.release.v1." + RELEASE + ".v1")
                .orElseThrow();
        assertEquals("helm.sh/release.v1", secret.path("type").asText());
        assertEquals("deployed", secret.path("metadata").path("labels").path("status").asText());
        JsonNode record = HelmReleases.decode(secret.path("data").path("release").asText());
        assertEquals(RELEASE, record.path("name").asText());
        assertEquals("tiny", record.path("chart").path("metadata").path("name").asText());
        assertTrue("release Secrets arrive as protobuf", cluster.requests().stream().anyMatch(r -> r.method().equals("POST")
                && r.path().endsWith("/secrets") && String.valueOf(r.contentType()).contains("protobuf")));
    }

    @Test
    public void upgradeRemovesWhatTheChartNoLongerRenders() {
        ok(install());
        ok(upgrade("--set", "servicePort=8080"));
        JsonNode ports = cluster.object("v1", "Service", NAMESPACE, RELEASE).orElseThrow().path("spec").path("ports");
        assertEquals(ports.toString(), 1, ports.size());
        assertEquals(8080, ports.get(0).path("port").asInt());
        assertThat(cluster.object("v1", "Service", NAMESPACE, RELEASE).orElseThrow().path("spec").path("clusterIP")
                .asText(), containsString("10.96."));
    }

    @Test
    public void failedUpgradeRollsBackAutomatically() {
        ok(install());
        Result failed = helm(upgradeArgs("--set", "image.tag=bad", rollbackFlag(), "--timeout", "8s"));
        assertNotEquals(failed.toString(), 0, failed.exitCode());
        assertThat(failed.stderr(), containsString("has been rolled back due to " + (isHelm3() ? "atomic" : "rollback-on-failure")));
        JsonNode history = json("history", RELEASE, "-n", NAMESPACE, "-o", "json");
        assertEquals(List.of("1:superseded", "2:failed", "3:deployed"), revisions(history));
        assertEquals("Rollback to 1", history.get(2).path("description").asText());
        assertEquals("example.org/tiny:1.0", cluster.object("apps/v1", "Deployment", NAMESPACE, RELEASE).orElseThrow()
                .path("spec").path("template").path("spec").path("containers").get(0).path("image").asText());
    }

    @Test
    public void aReleaseLeftPendingBlocksTheNextUpgrade() {
        ok(install());
        cluster.leaveReleasePending(NAMESPACE, RELEASE);
        assertEquals("pending-upgrade", json("status", RELEASE, "-n", NAMESPACE, "-o", "json")
                .path("info").path("status").asText());
        Result blocked = helm(upgradeArgs("--set", "message=again"));
        assertNotEquals(blocked.toString(), 0, blocked.exitCode());
        assertThat(blocked.stderr(), containsString("another operation (install/upgrade/rollback) is in progress"));
    }

    private String[] install() {
        return new String[] {"upgrade", "--install", RELEASE, TestFiles.chart().toString(), "-n", NAMESPACE,
            "--create-namespace", "--wait", "--timeout", "20s"};
    }

    private String[] upgrade(String... extra) {
        List<String> args = new ArrayList<>(List.of(upgradeArgs(extra)));
        args.addAll(List.of("--wait", "--timeout", "20s"));
        return args.toArray(String[]::new);
    }

    private String[] upgradeArgs(String... extra) {
        List<String> args = new ArrayList<>(List.of("upgrade", RELEASE, TestFiles.chart().toString(), "-n", NAMESPACE));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private String rollbackFlag() {
        return isHelm3() ? "--atomic" : "--rollback-on-failure";
    }

    private boolean isHelm3() {
        return version.startsWith("3.");
    }

    private String configValue() {
        return cluster.object("v1", "ConfigMap", NAMESPACE, RELEASE).orElseThrow().path("data").path("message").asText();
    }

    private String deploymentReadyReplicas() {
        return cluster.object("apps/v1", "Deployment", NAMESPACE, RELEASE).orElseThrow()
                .path("status").path("readyReplicas").asText();
    }

    private static List<String> revisions(JsonNode history) {
        List<String> revisions = new ArrayList<>();
        history.forEach(h -> revisions.add(h.path("revision").asInt() + ":" + h.path("status").asText()));
        return revisions;
    }

    private Result helm(String... args) {
        return ClientProcess.run(cluster, Duration.ofSeconds(60), Tools.helm(version), args);
    }

    private Result ok(String... args) {
        Result result = helm(args);
        assertTrue(result.toString(), result.succeeded());
        return result;
    }

    private JsonNode json(String... args) {
        return Json.parse(ok(args).stdout());
    }
}
