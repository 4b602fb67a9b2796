package io.jenkins.plugins.kubedelivery.testcluster;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.testcluster.ClientProcess.Result;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/** helm's server-side dry run (with {@code lookup}) and its "no matches for kind", against the test cluster. */
@RunWith(Parameterized.class)
public class HelmServerSemanticsTest {
    @ClassRule
    public static final TestCluster CLUSTER = new TestCluster();

    @Parameters(name = "helm {0}")
    public static List<String> versions() {
        return Tools.HELM_VERSIONS;
    }

    @Parameter
    public String version;

    @Test
    public void aServerSideDryRunLooksUpLiveObjectsAndStoresNothing() {
        String namespace = client().unique("dry");
        CLUSTER.createNamespace(namespace);
        ClientProcess.run(CLUSTER, Tools.kubectl(Tools.KUBECTL_131), "-n", namespace, "create", "configmap", "source",
                "--from-literal=token=from-the-cluster");
        Path chart = chart(namespace, Map.of("configmap.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: copy
                {{- $source := (lookup "v1" "ConfigMap" .Release.Namespace "source").data | default dict }}
                data:
                  token: {{ get $source "token" | default "not looked up" | quote }}
                """));
        long revision = CLUSTER.store().revision();
        Result dry = client().ok("upgrade", "--install", "copy", chart.toString(), "-n", namespace, "--dry-run=server");
        assertThat(dry.stdout(), containsString("token: \"from-the-cluster\""));
        assertEquals("a server-side dry run stores nothing", revision, CLUSTER.store().revision());
        assertTrue(CLUSTER.object("v1", "ConfigMap", namespace, "copy").isEmpty());
        assertThat(client().ok("upgrade", "--install", "copy", chart.toString(), "-n", namespace, "--dry-run=client").stdout(),
                containsString("token: \"not looked up\""));
    }

    /** canaryShift's preflight reads the stable release's objects in one command, and tells a missing release by this text. */
    @Test
    public void getManifestWithoutARevisionIsTheLatestAndAMissingReleaseIsReleaseNotFound() {
        String namespace = client().unique("latest");
        CLUSTER.createNamespace(namespace);
        Path chart = chart(namespace, Map.of("configmap.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Release.Name }}-settings
                data:
                  tag: {{ .Values.tag | quote }}
                """));
        client().ok("upgrade", "--install", "settings", chart.toString(), "-n", namespace, "--set", "tag=first");
        client().ok("upgrade", "--install", "settings", chart.toString(), "-n", namespace, "--set", "tag=second");
        String latest = client().ok("get", "manifest", "settings", "-n", namespace).stdout();
        assertThat(latest, containsString("tag: \"second\""));
        assertFalse(latest, latest.contains("first"));
        Result missing = client().run("get", "manifest", "absent", "-n", namespace);
        assertEquals(missing.toString(), 1, missing.exitCode());
        assertThat(missing.stderr(), containsString("release: not found"));
    }

    @Test
    public void anUnknownKindIsNoMatchesForKind() {
        String namespace = client().unique("unknown");
        CLUSTER.createNamespace(namespace);
        Path chart = chart(namespace, Map.of("widget.yaml", """
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: gadget
                """));
        Result failed = client().run("upgrade", "--install", "widget", chart.toString(), "-n", namespace);
        assertEquals(failed.toString(), 1, failed.exitCode());
        assertThat(failed.stderr(), containsString("resource mapping not found for name: \"gadget\" namespace: \"\" from \"\":"
                + " no matches for kind \"Widget\" in version \"example.com/v1\""));
        assertThat(failed.stderr(), containsString("ensure CRDs are installed first"));
    }

    private Path chart(String name, Map<String, String> templates) {
        try {
            Path chart = Files.createDirectories(CLUSTER.home().resolve("charts").resolve(name));
            Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n");
            Path directory = Files.createDirectories(chart.resolve("templates"));
            for (Map.Entry<String, String> template : templates.entrySet()) {
                Files.writeString(directory.resolve(template.getKey()), template.getValue());
            }
            return chart;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Client client() {
        return Client.helm(CLUSTER, version);
    }
}
