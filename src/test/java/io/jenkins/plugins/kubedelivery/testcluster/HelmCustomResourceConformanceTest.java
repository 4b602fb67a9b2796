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
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/** The pinned helm versions install CRDs from a chart's crds/ folder and from its templates. */
@RunWith(Parameterized.class)
public class HelmCustomResourceConformanceTest {
    private static final String NAMESPACE = "shop";
    private static final String ROUTE_TEMPLATE = String.join("\n",
            "apiVersion: gateway.networking.k8s.io/v1",
            "kind: HTTPRoute",
            "metadata: {name: {{ .Release.Name }}}",
            "spec:",
            "  parentRefs: [{name: gateway}]",
            "  rules:",
            "    - backendRefs:",
            "        - {name: web-stable, port: 80, weight: {{ .Values.stable }}}",
            "        - {name: web-canary, port: 80, weight: {{ .Values.canary }}}",
            "");

    @Parameters(name = "helm {0}")
    public static List<String> versions() {
        return Tools.HELM_VERSIONS;
    }

    @Parameter
    public String version;

    @Rule
    public final TestCluster cluster = new TestCluster();

    private Client helm;

    @Before
    public void client() {
        helm = Client.helm(cluster, version);
    }

    @Test
    public void crdsFolderInstallsBeforeTheTemplatesThatUseIt() {
        Path chart = chart("routes");
        write(chart.resolve("crds/gateway-api.yaml"), FixtureCrds.text("gateway-api.yaml"));
        write(chart.resolve("templates/route.yaml"), ROUTE_TEMPLATE);
        write(chart.resolve("values.yaml"), "stable: 100\ncanary: 0\n");
        helm.ok("upgrade", "--install", "web", chart.toString(), "-n", NAMESPACE, "--create-namespace", "--wait",
                "--timeout", "30s");
        assertTrue(cluster.object("apiextensions.k8s.io/v1", "CustomResourceDefinition", null,
                "httproutes.gateway.networking.k8s.io").isPresent());
        assertEquals(100, weight(0));
        helm.ok("upgrade", "--install", "web", chart.toString(), "-n", NAMESPACE, "--set", "stable=90,canary=10", "--wait",
                "--timeout", "30s");
        assertEquals(10, weight(1));
        helm.ok("rollback", "web", "1", "-n", NAMESPACE, "--wait", "--timeout", "30s");
        assertEquals(0, weight(1));
        helm.ok("uninstall", "web", "-n", NAMESPACE, "--wait", "--timeout", "30s");
        assertFalse(cluster.object("gateway.networking.k8s.io/v1", "HTTPRoute", NAMESPACE, "web").isPresent());
        assertTrue("helm never deletes what crds/ installed", cluster.object("apiextensions.k8s.io/v1",
                "CustomResourceDefinition", null, "httproutes.gateway.networking.k8s.io").isPresent());
    }

    @Test
    public void crdsInTemplatesAreOrdinaryReleaseObjects() {
        Path chart = chart("istio-crds");
        write(chart.resolve("templates/crds.yaml"), FixtureCrds.text("istio.yaml"));
        helm.ok("upgrade", "--install", "istio-crds", chart.toString(), "-n", NAMESPACE, "--create-namespace", "--wait",
                "--timeout", "30s");
        assertThat(cluster.object("apiextensions.k8s.io/v1", "CustomResourceDefinition", null,
                "virtualservices.networking.istio.io").orElseThrow().at("/status/conditions/1/type").asText(),
                containsString("Established"));
        Result schemaError = helm.run("upgrade", "--install", "bad", writeRouteChart(), "-n", NAMESPACE);
        assertEquals(schemaError.toString(), 1, schemaError.exitCode());
        assertThat(schemaError.stderr(), containsString("spec.hosts: Invalid value: \"string\": "
                + "spec.hosts in body must be of type array: \"string\""));
        helm.ok("uninstall", "istio-crds", "-n", NAMESPACE, "--wait", "--timeout", "30s");
        assertFalse(cluster.object("apiextensions.k8s.io/v1", "CustomResourceDefinition", null,
                "virtualservices.networking.istio.io").isPresent());
    }

    /** A chart whose VirtualService has a string where the schema wants an array. */
    private String writeRouteChart() {
        Path chart = chart("bad");
        write(chart.resolve("templates/vs.yaml"), String.join("\n",
                "apiVersion: networking.istio.io/v1",
                "kind: VirtualService",
                "metadata: {name: web}",
                "spec: {hosts: web}",
                ""));
        return chart.toString();
    }

    private int weight(int backend) {
        return cluster.object("gateway.networking.k8s.io/v1", "HTTPRoute", NAMESPACE, "web").orElseThrow()
                .at("/spec/rules/0/backendRefs/" + backend + "/weight").asInt();
    }

    private Path chart(String name) {
        Path chart = cluster.home().resolve("charts").resolve(name);
        write(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n");
        return chart;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
