package io.jenkins.plugins.kubedelivery.testcluster;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.kubedelivery.testcluster.ClientProcess.Result;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.file.Path;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/** The pinned kubectl versions install CRDs and work with their custom resources as on a real cluster. */
@RunWith(Parameterized.class)
public class KubectlCustomResourceConformanceTest {
    /** A route that states every field its schema defaults, so applying it again changes nothing. */
    private static final String FULL_ROUTE = String.join("\n",
            "apiVersion: gateway.networking.k8s.io/v1",
            "kind: HTTPRoute",
            "metadata: {name: full}",
            "spec:",
            "  parentRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: gateway}]",
            "  rules:",
            "    - matches: [{path: {type: PathPrefix, value: /}}]",
            "      backendRefs: [{group: '', kind: Service, name: web, port: 80, weight: 1}]",
            "");
    private static final String ROUTE = String.join("\n",
            "apiVersion: gateway.networking.k8s.io/v1",
            "kind: HTTPRoute",
            "metadata: {name: web}",
            "spec:",
            "  parentRefs: [{name: gateway}]",
            "  hostnames: [web.example.org]",
            "  rules:",
            "    - backendRefs:",
            "        - {name: web-stable, port: 80, weight: 90}",
            "        - {name: web-canary, port: 80, weight: 10}",
            "");

    @Parameters(name = "kubectl {0}")
    public static List<String> versions() {
        return Tools.KUBECTL_VERSIONS;
    }

    @Parameter
    public String version;

    @Rule
    public final TestCluster cluster = new TestCluster();

    private Client kubectl;

    @Before
    public void client() {
        kubectl = Client.kubectl(cluster, version);
    }

    @Test
    public void installsCrdsThenCreatesAppliesPatchesAndDeletesCustomResources() {
        String installed = kubectl.ok("apply", "-f", crdFile("gateway-api.yaml").toString()).stdout();
        assertThat(installed, containsString(
                "customresourcedefinition.apiextensions.k8s.io/httproutes.gateway.networking.k8s.io created"));
        assertThat(kubectl.ok("wait", "--for=condition=Established", "crd/httproutes.gateway.networking.k8s.io",
                "--timeout=20s").stdout(), containsString("condition met"));
        cluster.clearRequests();
        String resources = kubectl.ok("api-resources", "--api-group=gateway.networking.k8s.io").stdout();
        assertTrue("aggregated discovery lists every group in one answer: " + cluster.requests(), cluster.requests()
                .stream().noneMatch(r -> r.path().startsWith("/apis/gateway.networking.k8s.io")));
        assertMatches("(?s).*httproutes\\s+gateway.networking.k8s.io/v1\\s+true\\s+HTTPRoute.*", resources);
        assertMatches("(?s).*gatewayclasses\\s+gc\\s+gateway.networking.k8s.io/v1\\s+false\\s+GatewayClass.*",
                resources);

        Path route = TestFiles.write(cluster, "route.yaml", ROUTE);
        assertThat(kubectl.ok("create", "-f", route.toString()).stdout(),
                containsString("httproute.gateway.networking.k8s.io/web created"));
        JsonNode created = kubectl.json("get", "httproute", "web", "-o", "json");
        assertEquals("defaults fill the parent reference", "Gateway",
                created.at("/spec/parentRefs/0/kind").asText());
        assertEquals("PathPrefix", created.at("/spec/rules/0/matches/0/path/type").asText());
        assertEquals("Service", created.at("/spec/rules/0/backendRefs/1/kind").asText());

        assertThat(kubectl.ok("apply", "-f", route.toString()).stdout(),
                containsString("httproute.gateway.networking.k8s.io/web configured"));
        Path full = TestFiles.write(cluster, "full.yaml", FULL_ROUTE);
        assertThat(kubectl.ok("apply", "-f", full.toString()).stdout(),
                containsString("httproute.gateway.networking.k8s.io/full created"));
        assertThat(kubectl.ok("apply", "-f", full.toString()).stdout(),
                containsString("httproute.gateway.networking.k8s.io/full unchanged"));
        Path shifted = TestFiles.write(cluster, "route-shifted.yaml",
                ROUTE.replace("weight: 90", "weight: 50").replace("weight: 10", "weight: 50"));
        assertThat(kubectl.ok("apply", "-f", shifted.toString()).stdout(),
                containsString("httproute.gateway.networking.k8s.io/web configured"));
        assertEquals("50 50", kubectl.ok("get", "httproute", "web",
                "-o", "jsonpath={.spec.rules[0].backendRefs[*].weight}").stdout());

        assertThat(kubectl.ok("apply", "--server-side", "--force-conflicts", "-f", route.toString()).stdout(),
                containsString("httproute.gateway.networking.k8s.io/web serverside-applied"));
        assertEquals("90 10", kubectl.ok("get", "httproute", "web",
                "-o", "jsonpath={.spec.rules[0].backendRefs[*].weight}").stdout());
        assertThat(kubectl.ok("patch", "httproute", "web", "--type=merge",
                "-p", "{\"spec\":{\"hostnames\":[\"canary.example.org\"]}}").stdout(),
                containsString("httproute.gateway.networking.k8s.io/web patched"));
        assertEquals("canary.example.org", kubectl.ok("get", "httproute", "web", "-o", "jsonpath={.spec.hostnames[0]}").stdout());

        assertThat(kubectl.ok("delete", "httproute", "web").stdout(),
                containsString("httproute.gateway.networking.k8s.io \"web\" deleted"));
        assertFalse(cluster.object("gateway.networking.k8s.io/v1", "HTTPRoute", "default", "web").isPresent());
    }

    @Test
    public void refusesWhatTheSchemaForbidsInTheRealServersWords() {
        installFixtureCrdsWithKubectl();
        Result wrongType = kubectl.run("apply", "-f", TestFiles.write(cluster, "bad-type.yaml",
                ROUTE.replace("weight: 90", "weight: ninety")).toString());
        assertEquals(wrongType.toString(), 1, wrongType.exitCode());
        assertThat(wrongType.stderr(), containsString("The HTTPRoute \"web\" is invalid: "
                + "spec.rules[0].backendRefs[0].weight: Invalid value: \"string\": "
                + "spec.rules[0].backendRefs[0].weight in body must be of type integer: \"string\""));

        Result missing = kubectl.run("apply", "-f", TestFiles.write(cluster, "missing.yaml",
                ROUTE.replace("{name: web-canary, port: 80, weight: 10}", "{port: 80, weight: 10}")).toString());
        assertEquals(1, missing.exitCode());
        assertThat(missing.stderr(), containsString(
                "The HTTPRoute \"web\" is invalid: spec.rules[0].backendRefs[1].name: Required value"));

        Result notInEnum = kubectl.run("apply", "-f", TestFiles.write(cluster, "enum.yaml", ROUTE.replace(
                "    - backendRefs:", "    - matches: [{path: {type: Glob, value: /api}}]\n      backendRefs:")).toString());
        assertEquals(1, notInEnum.exitCode());
        assertThat(notInEnum.stderr(), containsString("The HTTPRoute \"web\" is invalid: "
                + "spec.rules[0].matches[0].path.type: Unsupported value: \"Glob\": "
                + "supported values: \"Exact\", \"PathPrefix\", \"RegularExpression\""));

        Path unknown = TestFiles.write(cluster, "unknown.yaml", ROUTE.replace("  hostnames:", "  mirror: true\n  hostnames:"));
        Result strict = kubectl.run("apply", "-f", unknown.toString());
        assertEquals(1, strict.exitCode());
        assertThat(strict.stderr(), containsString("strict decoding error: unknown field \"spec.mirror\""));
        assertThat(kubectl.ok("apply", "--validate=false", "-f", unknown.toString()).stdout(),
                containsString("httproute.gateway.networking.k8s.io/web created"));
        JsonNode spec = kubectl.json("get", "httproute", "web", "-o", "json").path("spec");
        assertFalse("pruned as a real server prunes: " + spec, spec.has("mirror"));
        assertTrue(spec.has("hostnames"));
    }

    @Test
    public void statusIsWrittenOnlyThroughItsSubresource() {
        installFixtureCrdsWithKubectl();
        Path route = TestFiles.write(cluster, "route.yaml", ROUTE + "status:\n  parents: [{controllerName: sneaky}]\n");
        kubectl.ok("apply", "-f", route.toString());
        assertEquals("status on the main resource is ignored", "",
                kubectl.ok("get", "httproute", "web", "-o", "jsonpath={.status.parents}").stdout());
        long generation = kubectl.json("get", "httproute", "web", "-o", "json").at("/metadata/generation").asLong();
        assertThat(kubectl.ok("patch", "httproute", "web", "--subresource=status", "--type=merge", "-p",
                "{\"status\":{\"parents\":[{\"controllerName\":\"example.org/router\"}]},\"spec\":{\"hostnames\":[]}}")
                .stdout(), containsString("patched"));
        JsonNode patched = kubectl.json("get", "httproute", "web", "-o", "json");
        assertEquals("example.org/router", patched.at("/status/parents/0/controllerName").asText());
        assertEquals("spec is ignored on /status", "web.example.org", patched.at("/spec/hostnames/0").asText());
        assertEquals("status writes leave the generation", generation, patched.at("/metadata/generation").asLong());
    }

    @Test
    public void clusterScopedKindsAndOtherServedVersions() {
        installFixtureCrdsWithKubectl();
        Path gatewayClass = TestFiles.write(cluster, "class.yaml", String.join("\n",
                "apiVersion: gateway.networking.k8s.io/v1",
                "kind: GatewayClass",
                "metadata: {name: internal}",
                "spec: {controllerName: example.org/gateway-controller}",
                ""));
        assertThat(kubectl.ok("apply", "-n", "kube-system", "-f", gatewayClass.toString()).stdout(),
                containsString("gatewayclass.gateway.networking.k8s.io/internal created"));
        JsonNode stored = kubectl.json("get", "gc", "internal", "-o", "json");
        assertFalse("cluster-scoped objects have no namespace", stored.path("metadata").has("namespace"));
        assertEquals("defaults reach the status too", "Waiting for controller",
                stored.at("/status/conditions/0/message").asText());
        assertMatches("(?s)NAME\\s+AGE\ninternal\\s+\\d+s\n", kubectl.ok("get", "gatewayclasses").stdout());

        kubectl.ok("apply", "-f", TestFiles.write(cluster, "vs.yaml", String.join("\n",
                "apiVersion: networking.istio.io/v1beta1",
                "kind: VirtualService",
                "metadata: {name: web}",
                "spec:",
                "  hosts: [web]",
                "  http: [{route: [{destination: {host: web, subset: stable}, weight: 100}]}]",
                "")).toString());
        assertEquals("the preferred version", "networking.istio.io/v1",
                kubectl.ok("get", "vs", "web", "-o", "jsonpath={.apiVersion}").stdout());
        assertEquals("networking.istio.io/v1beta1", kubectl.ok("get", "virtualservices.v1beta1.networking.istio.io", "web",
                "-o", "jsonpath={.apiVersion}").stdout());
    }

    @Test
    public void deletingACrdRemovesItsKindAndItsObjects() {
        installFixtureCrdsWithKubectl();
        kubectl.ok("apply", "-f", TestFiles.write(cluster, "route.yaml", ROUTE).toString());
        assertThat(kubectl.ok("delete", "crd", "httproutes.gateway.networking.k8s.io").stdout(),
                containsString("customresourcedefinition.apiextensions.k8s.io \"httproutes.gateway.networking.k8s.io\" deleted"));
        Result gone = kubectl.run("get", "httproutes");
        assertEquals(gone.toString(), 1, gone.exitCode());
        assertThat(kubectl.ok("api-resources", "--api-group=gateway.networking.k8s.io").stdout(), not(containsString("httproutes")));
        assertThat("the kind is gone from the cluster", RawApi.json(new RawApi(cluster)
                .get("/apis/gateway.networking.k8s.io/v1")).toString(), not(containsString("httproutes")));
        kubectl.ok("apply", "-f", crdFile("gateway-api.yaml").toString());
        assertThat("re-created, the CRD starts empty", kubectl.ok("get", "httproutes").stderr(),
                containsString("No resources found"));
    }

    @Test
    public void dryRunsInstallNothingAndTerminatingNamespacesLoseTheirCustomResources() {
        Path crds = crdFile("gateway-api.yaml");
        assertThat(kubectl.ok("apply", "--dry-run=server", "-f", crds.toString()).stdout(),
                containsString("httproutes.gateway.networking.k8s.io created (server dry run)"));
        assertThat("a dry run serves no kind", kubectl.ok("api-resources").stdout(), not(containsString("httproutes")));
        installFixtureCrdsWithKubectl();
        kubectl.ok("create", "namespace", "team");
        kubectl.ok("apply", "-n", "team", "-f", TestFiles.write(cluster, "route.yaml", ROUTE).toString());
        kubectl.ok("delete", "namespace", "team", "--timeout=20s");
        cluster.awaitNamespaceGone("team");
        assertFalse(cluster.object("gateway.networking.k8s.io/v1", "HTTPRoute", "team", "web").isPresent());
    }

    private void installFixtureCrdsWithKubectl() {
        for (String file : FixtureCrds.FILES) {
            kubectl.ok("apply", "-f", crdFile(file).toString());
        }
        kubectl.ok("wait", "--for=condition=Established", "crd", "--all", "--timeout=20s");
    }

    private Path crdFile(String file) {
        return TestFiles.write(cluster, file, FixtureCrds.text(file));
    }

    private static void assertMatches(String regex, String text) {
        assertTrue("expected to match " + regex + ":\n" + text, text.matches(regex));
    }
}
