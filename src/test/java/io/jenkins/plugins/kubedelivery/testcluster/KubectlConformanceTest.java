package io.jenkins.plugins.kubedelivery.testcluster;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.hasItem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.kubedelivery.testcluster.ClientProcess.Result;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/** The pinned kubectl versions run their everyday commands against the test cluster. */
@RunWith(Parameterized.class)
public class KubectlConformanceTest {
    @Parameters(name = "kubectl {0}")
    public static List<String> versions() {
        return Tools.KUBECTL_VERSIONS;
    }

    @Parameter
    public String version;

    @Rule
    public final TestCluster cluster = new TestCluster().readyAfter(Duration.ofMillis(300))
            .failAfter(Duration.ofMillis(800));

    @Test
    public void applyCreatesObjectsAndGetPrintsServerSideTables() {
        String applied = ok("apply", "-f", TestFiles.manifest(cluster, "web.yaml").toString()).stdout();
        assertThat(applied, containsString("deployment.apps/web created"));
        assertThat(applied, containsString("secret/web-secret created"));
        ok("rollout", "status", "deployment/web", "--timeout=20s");
        String table = ok("get", "deployment,service,configmap,secret").stdout();
        assertMatches("(?s).*NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE.*", table);
        assertMatches("(?s).*deployment.apps/web\\s+2/2\\s+2\\s+2\\s+\\d+s.*", table);
        assertMatches("(?s).*service/web\\s+ClusterIP\\s+10\\.96\\.\\d+\\.\\d+\\s+<none>\\s+80/TCP.*", table);
        assertMatches("(?s).*configmap/web-config\\s+2\\s+.*", table);
        assertMatches("(?s).*secret/web-secret\\s+Opaque\\s+1\\s+.*", table);
        assertEquals("czNjcmV0", ok("get", "secret", "web-secret", "-o", "jsonpath={.data.password}").stdout());
        assertMatches("(?s).*kube-system\\s+Active.*", ok("get", "namespaces").stdout());
        String pods = ok("get", "pods", "-l", "app=web").stdout();
        assertMatches("(?s)NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE\n"
                + "web-[a-z0-9]{10}-[a-z0-9]{5}\\s+2/2\\s+Running\\s+0\\s+\\d+s\n"
                + "web-[a-z0-9]{10}-[a-z0-9]{5}\\s+2/2\\s+Running\\s+0\\s+\\d+s\n", pods);
        String all = ok("get", "all").stdout();
        assertThat(all, containsString("replicaset.apps/web-"));
        assertThat(all, containsString("service/web"));
    }

    @Test
    public void reapplyMergesStrategicallyAndRemovesWhatTheManifestDropped() {
        Path manifest = TestFiles.manifest(cluster, "web.yaml");
        ok("apply", "-f", manifest.toString());
        String changed = read(manifest).replace("example.org/web:1.0", "example.org/web:1.1")
                .replace("  size: large\n", "");
        String output = ok("apply", "-f", TestFiles.write(cluster, "web-changed.yaml", changed).toString()).stdout();
        assertThat(output, containsString("deployment.apps/web configured"));
        assertThat(output, containsString("service/web unchanged"));
        JsonNode deployment = json("get", "deployment", "web", "-o", "json");
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        assertEquals(2, containers.size());
        assertEquals("example.org/web:1.1", containers.get(0).path("image").asText());
        assertEquals("example.org/proxy:2.0", containers.get(1).path("image").asText());
        assertEquals("blue", containers.get(0).path("env").get(0).path("value").asText());
        assertEquals(2, deployment.path("metadata").path("generation").asInt());
        JsonNode config = json("get", "configmap", "web-config", "-o", "json").path("data");
        assertEquals("blue", config.path("color").asText());
        assertFalse(config.has("size"));
        assertThat(contentTypes("PATCH"), hasItem("application/strategic-merge-patch+json"));
    }

    @Test
    public void labelAndAnnotateAddAndRemoveMetadata() {
        ok("create", "configmap", "settings", "--from-literal=k=v");
        assertThat(ok("label", "configmap", "settings", "tier=front", "team=a").stdout(), containsString("labeled"));
        assertThat(ok("annotate", "configmap", "settings", "owner=ops").stdout(), containsString("annotated"));
        ok("label", "configmap", "settings", "team-");
        JsonNode metadata = json("get", "configmap", "settings", "-o", "json").path("metadata");
        assertEquals("front", metadata.path("labels").path("tier").asText());
        assertFalse(metadata.path("labels").has("team"));
        assertEquals("ops", metadata.path("annotations").path("owner").asText());
        assertEquals("settings", ok("get", "configmap", "-l", "tier=front", "-o", "name").stdout().trim()
                .replace("configmap/", ""));
        assertEquals("", ok("get", "configmap", "-l", "tier=back", "-o", "name").stdout().trim());
        assertThat(contentTypes("PATCH"), hasItem("application/merge-patch+json"));
    }

    @Test
    public void patchSupportsAllFourPatchTypes() {
        ok("apply", "-f", TestFiles.manifest(cluster, "web.yaml").toString());
        assertThat(ok("scale", "deployment", "web", "--replicas=4").stdout(), containsString("deployment.apps/web scaled"));
        Awaits.until("four pods", () -> ok("get", "pods", "-l", "app=web", "-o", "name").stdout().lines().count() == 4);
        ok("patch", "deployment", "web", "--type", "merge", "-p", "{\"spec\":{\"replicas\":3}}");
        ok("patch", "deployment", "web", "-p",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"example.org/web:2.0\"}]}}}}");
        ok("patch", "configmap", "web-config", "--type", "json",
                "-p", "[{\"op\":\"replace\",\"path\":\"/data/color\",\"value\":\"green\"},"
                        + "{\"op\":\"remove\",\"path\":\"/data/size\"}]");
        String serverSide = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  color: red\n"
                + "  shape: round\n";
        assertThat(ok("apply", "--server-side", "-f", TestFiles.write(cluster, "ssa.yaml", serverSide).toString()).stdout(),
                containsString("configmap/web-config serverside-applied"));
        JsonNode deployment = json("get", "deployment", "web", "-o", "json");
        assertEquals(3, deployment.path("spec").path("replicas").asInt());
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        assertEquals("example.org/web:2.0", containers.get(0).path("image").asText());
        assertEquals("sidecar", containers.get(1).path("name").asText());
        JsonNode data = json("get", "configmap", "web-config", "-o", "json").path("data");
        assertEquals("red", data.path("color").asText());
        assertEquals("round", data.path("shape").asText());
        assertFalse(data.has("size"));
        Set<String> patchTypes = Set.copyOf(contentTypes("PATCH"));
        assertTrue(patchTypes.toString(), patchTypes.containsAll(Set.of("application/merge-patch+json",
                "application/strategic-merge-patch+json", "application/json-patch+json", "application/apply-patch+yaml")));
    }

    @Test
    public void deleteRemovesObjectsAndTheirReplicaSets() {
        Path manifest = TestFiles.manifest(cluster, "web.yaml");
        ok("apply", "-f", manifest.toString());
        ok("rollout", "status", "deployment/web", "--timeout=20s");
        assertThat(ok("delete", "deployment", "web").stdout(), containsString("deployment.apps \"web\" deleted"));
        Result missing = kubectl("get", "deployment", "web");
        assertEquals(1, missing.exitCode());
        assertThat(missing.stderr(), containsString("Error from server (NotFound): deployments.apps \"web\" not found"));
        assertThat(ok("delete", "-f", manifest.toString(), "--ignore-not-found").stdout(),
                containsString("service \"web\" deleted"));
        Awaits.until("ReplicaSets collected", () -> ok("get", "replicasets", "-o", "name").stdout().isBlank());
    }

    @Test
    public void waitAndRolloutStatusFollowTheController() {
        cluster.failImagesWithTag("broken");
        ok("apply", "-f", TestFiles.manifest(cluster, "web.yaml").toString());
        assertThat(ok("rollout", "status", "deployment/web", "--timeout=20s").stdout(),
                containsString("deployment \"web\" successfully rolled out"));
        assertThat(ok("wait", "--for=condition=Available", "deployment/web", "--timeout=20s").stdout(),
                containsString("condition met"));
        assertThat(ok("wait", "--for=jsonpath={.status.readyReplicas}=2", "deployment/web", "--timeout=20s").stdout(),
                containsString("condition met"));
        ok("set", "image", "deployment/web", "app=example.org/web:broken");
        Result failed = kubectl("rollout", "status", "deployment/web", "--timeout=20s");
        assertEquals(failed.toString(), 1, failed.exitCode());
        assertThat(failed.stderr(), containsString("exceeded its progress deadline"));
        assertThat(ok("get", "pods").stdout(), containsString("ImagePullBackOff"));
        ok("rollout", "undo", "deployment/web");
        ok("rollout", "status", "deployment/web", "--timeout=20s");
        assertEquals("example.org/web:1.0",
                ok("get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}").stdout());
        assertEquals("3", ok("get", "deployment", "web",
                "-o", "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}").stdout());
        Result timedOut = kubectl("wait", "--for=condition=Available=False", "deployment/web", "--timeout=1s");
        assertEquals(1, timedOut.exitCode());
        assertThat(timedOut.stderr(), containsString("timed out"));
    }

    @Test
    public void diffShowsChangesWithoutStoringThem() {
        Path manifest = TestFiles.manifest(cluster, "web.yaml");
        ok("apply", "-f", manifest.toString());
        Result same = kubectl("diff", "-f", manifest.toString());
        assertEquals(same.toString(), 0, same.exitCode());
        Path changed = TestFiles.write(cluster, "web-diff.yaml", read(manifest).replace("color: blue", "color: pink"));
        Result diff = kubectl("diff", "-f", changed.toString());
        assertEquals(diff.toString(), 1, diff.exitCode());
        assertThat(diff.stdout(), containsString("-  color: blue"));
        assertThat(diff.stdout(), containsString("+  color: pink"));
        assertEquals("blue", ok("get", "configmap", "web-config", "-o", "jsonpath={.data.color}").stdout());
        assertTrue(cluster.requests().stream().anyMatch(r -> r.method().equals("PATCH")
                && r.pathAndQuery().contains("dryRun=All")));
    }

    @Test
    public void createMakesNamespacesConfigMapsSecretsAndDeployments() {
        assertThat(ok("create", "namespace", "team-a").stdout(), containsString("namespace/team-a created"));
        ok("-n", "team-a", "create", "configmap", "app", "--from-literal=mode=fast");
        ok("-n", "team-a", "create", "secret", "generic", "token", "--from-literal=value=abc");
        ok("-n", "team-a", "create", "deployment", "api", "--image=example.org/api:1", "--replicas=2");
        assertEquals("fast", ok("-n", "team-a", "get", "configmap", "app", "-o", "jsonpath={.data.mode}").stdout());
        assertEquals("YWJj", ok("-n", "team-a", "get", "secret", "token", "-o", "jsonpath={.data.value}").stdout());
        JsonNode deployment = cluster.object("apps/v1", "Deployment", "team-a", "api").orElseThrow();
        assertEquals(2, deployment.path("spec").path("replicas").asInt());
        assertEquals("example.org/api:1",
                deployment.path("spec").path("template").path("spec").path("containers").get(0).path("image").asText());
        assertEquals("team-a", cluster.object("v1", "Namespace", null, "team-a").orElseThrow()
                .path("metadata").path("labels").path("kubernetes.io/metadata.name").asText());
        Result duplicate = kubectl("create", "namespace", "team-a");
        assertEquals(1, duplicate.exitCode());
        assertThat(duplicate.stderr(), containsString("(AlreadyExists)"));
        assertThat(ok("delete", "namespace", "team-a", "--timeout=20s").stdout(),
                containsString("namespace \"team-a\" deleted"));
        assertFalse("namespace deletion cascades", cluster.object("v1", "ConfigMap", "team-a", "app").isPresent());
    }

    @Test
    public void writingIntoAMissingNamespaceIsNotFound() {
        Result result = kubectl("-n", "nowhere", "apply", "-f", TestFiles.manifest(cluster, "web.yaml").toString());
        assertEquals(1, result.exitCode());
        assertThat(result.stderr(), containsString("namespaces \"nowhere\" not found"));
    }

    @Test
    public void servesTheRoutingPolicyAndBatchKinds() {
        cluster.withFixtureCrds();
        Path manifest = TestFiles.manifest(cluster, "routing.yaml");
        String output = ok("apply", "-f", manifest.toString()).stdout();
        for (String created : List.of("serviceaccount/router", "ingress.networking.k8s.io/web",
                "networkpolicy.networking.k8s.io/deny-all", "resourcequota/quota", "limitrange/limits",
                "horizontalpodautoscaler.autoscaling/web", "poddisruptionbudget.policy/web", "job.batch/migrate",
                "httproute.gateway.networking.k8s.io/web", "virtualservice.networking.istio.io/web",
                "destinationrule.networking.istio.io/web")) {
            assertThat(output, containsString(created + " created"));
        }
        assertThat(ok("wait", "--for=condition=complete", "job/migrate", "--timeout=20s").stdout(),
                containsString("condition met"));
        Path shifted = TestFiles.write(cluster, "routing-shifted.yaml",
                read(manifest).replace("weight: 90", "weight: 50").replace("weight: 10", "weight: 50"));
        assertThat(ok("apply", "-f", shifted.toString()).stdout(),
                containsString("virtualservice.networking.istio.io/web configured"));
        assertEquals("50 50", ok("get", "virtualservice", "web",
                "-o", "jsonpath={.spec.http[0].route[*].weight}").stdout());
        assertEquals("50 50", ok("get", "httproute", "web",
                "-o", "jsonpath={.spec.rules[0].backendRefs[*].weight}").stdout());
        assertMatches("(?s).*virtualservice.networking.istio.io/web\\s+\\d+s.*", ok("get", "vs,dr,hpa,pdb").stdout());
        assertThat(ok("get", "pods").stderr(), containsString("No resources found"));
        assertThat(kubectl("run", "debug", "--image=busybox").stderr(), containsString("MethodNotAllowed"));
        Result unknown = kubectl("get", "widgets");
        assertEquals(1, unknown.exitCode());
        assertThat(unknown.stderr(), containsString("the server doesn't have a resource type \"widgets\""));
    }

    @Test
    public void apiResourcesListsTheKindsOfARealClusterInTheWorkloadGroups() {
        assertEquals("controllerrevisions.apps daemonsets.apps deployments.apps replicasets.apps statefulsets.apps",
                apiResources("apps"));
        assertEquals("cronjobs.batch jobs.batch", apiResources("batch"));
        assertEquals("poddisruptionbudgets.policy", apiResources("policy"));
        assertEquals("ingressclasses.networking.k8s.io ingresses.networking.k8s.io networkpolicies.networking.k8s.io",
                apiResources("networking.k8s.io"));
        assertEquals("horizontalpodautoscalers.autoscaling", apiResources("autoscaling"));
        assertEquals("clusterrolebindings.rbac.authorization.k8s.io clusterroles.rbac.authorization.k8s.io"
                + " rolebindings.rbac.authorization.k8s.io roles.rbac.authorization.k8s.io",
                apiResources("rbac.authorization.k8s.io"));
        String shortNames = ok("api-resources", "--api-group=apps").stdout();
        assertMatches("(?s).*statefulsets\\s+sts\\s+apps/v1\\s+true\\s+StatefulSet.*", shortNames);
        assertMatches("(?s).*daemonsets\\s+ds\\s+apps/v1\\s+true\\s+DaemonSet.*", shortNames);
        assertMatches("(?s).*persistentvolumeclaims\\s+pvc\\s+v1\\s+true\\s+PersistentVolumeClaim.*",
                ok("api-resources", "--api-group=").stdout());
    }

    private String apiResources(String group) {
        return ok("api-resources", "--api-group=" + group, "-o", "name").stdout().lines().sorted()
                .collect(Collectors.joining(" "));
    }

    private static void assertMatches(String regex, String text) {
        assertTrue("expected to match " + regex + ":\n" + text, Pattern.compile(regex).matcher(text).matches());
    }

    private Result kubectl(String... args) {
        return ClientProcess.run(cluster, Duration.ofSeconds(40), Tools.kubectl(version), args);
    }

    private Result ok(String... args) {
        Result result = kubectl(args);
        assertTrue(result.toString(), result.succeeded());
        return result;
    }

    private JsonNode json(String... args) {
        return Json.parse(ok(args).stdout());
    }

    private List<String> contentTypes(String method) {
        return cluster.requests().stream().filter(r -> r.method().equals(method))
                .map(r -> String.valueOf(r.contentType())).collect(Collectors.toList());
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
