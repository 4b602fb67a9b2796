package io.jenkins.plugins.kubedelivery.engine.routing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.engine.cli.JsonOutput;
import io.jenkins.plugins.kubedelivery.engine.routing.gatewayapi.HttpRouteWeights;
import io.jenkins.plugins.kubedelivery.engine.routing.istio.VirtualServiceWeights;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.LocalProcessRunner;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * The weights the Gateway API and Istio functions write, on routes the real kubectl created against
 * the simulated cluster serving the fixture CRDs: accepted by the server's dry run (schema
 * included), stored, and read back as the share they were given; a schema violation is refused, so
 * the check is real.
 */
@RunWith(Parameterized.class)
public class RouteWeightsKubectlTest {
    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster().withFixtureCrds();

    private final String kubectlVersion;
    private LocalProcessRunner runner;

    public RouteWeightsKubectlTest(String kubectlVersion) {
        this.kubectlVersion = kubectlVersion;
    }

    @Parameters(name = "kubectl {0}")
    public static Collection<Object[]> versions() {
        return Tools.kubectlParameters();
    }

    @Before
    public void connect() throws Exception {
        runner = new LocalProcessRunner(fixture.workspace(), cluster.environment());
        kubectl(0, "create", "namespace", "prod");
    }

    private CommandResult kubectl(int expectedExit, String... arguments) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Tools.kubectl(kubectlVersion).toString(), "--kubeconfig",
                cluster.kubeconfig().toString()));
        argv.addAll(List.of(arguments));
        CommandResult result = runner.run(CommandLine.of(argv), Duration.ofSeconds(60));
        assertEquals(result.output(), expectedExit, result.exitCode() == 0 ? 0 : 1);
        return result;
    }

    /** Creates the route, sets the canary's share in it through the server's dry run and for real, and reads it back. */
    private JsonObject shift(String resource, String manifest, Function<JsonObject, JsonObject> withCanary) throws Exception {
        kubectl(0, "apply", "-f", fixture.staging().write(resource + ".json", manifest));
        JsonObject stable = get(resource);
        String shifted = fixture.staging().write(resource + "-shifted.json", withCanary.apply(stable).toString());
        kubectl(0, "apply", "--dry-run=server", "-f", shifted);
        kubectl(0, "apply", "-f", shifted);
        return get(resource);
    }

    private JsonObject get(String resource) throws Exception {
        return JsonOutput.parse(kubectl(0, "get", resource, "payments", "-n", "prod", "-o", "json").output(), "kubectl get").asObject();
    }

    private static JsonObject withSpec(JsonObject object, String field, JsonArray value) {
        JsonObject copy = com.eclipsesource.json.Json.parse(object.toString()).asObject();
        copy.get("spec").asObject().set(field, value);
        return copy;
    }

    @Test
    public void httpRouteBackendWeightsAreValidAndReadBack() throws Exception {
        JsonObject stored = shift("httproute", """
                {"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"payments","namespace":"prod"},
                 "spec":{"parentRefs":[{"name":"public"}],"rules":[{"backendRefs":[{"name":"payments","port":8080}]}]}}
                """, route -> withSpec(route, "rules", HttpRouteWeights.rulesWithCanary(route, "payments", "payments-canary", null, 25)));
        assertEquals(25, HttpRouteWeights.canaryWeight(stored, "payments", "payments-canary", null));

        JsonObject reset = withSpec(stored, "rules", HttpRouteWeights.rulesWithoutCanary(stored, "payments", "payments-canary", null));
        kubectl(0, "apply", "-f", fixture.staging().write("httproute-reset.json", reset.toString()));
        assertEquals(0, HttpRouteWeights.canaryWeight(get("httproute"), "payments", "payments-canary", null));
    }

    @Test
    public void virtualServiceRouteWeightsAreValidAndReadBack() throws Exception {
        JsonObject stored = shift("virtualservice", """
                {"apiVersion":"networking.istio.io/v1","kind":"VirtualService","metadata":{"name":"payments","namespace":"prod"},
                 "spec":{"hosts":["payments"],"http":[{"name":"primary","route":[{"destination":{"host":"payments"}}]}]}}
                """, vs -> withSpec(vs, "http", VirtualServiceWeights.httpWithCanary(vs, "payments", "payments-canary", "primary", 10)));
        assertEquals(10, VirtualServiceWeights.canaryWeight(stored, "payments", "payments-canary", "primary"));
    }

    @Test
    public void aWeightTheSchemaRefusesIsRefusedByTheServersDryRun() throws Exception {
        String bad = fixture.staging().write("bad.json", """
                {"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"payments","namespace":"prod"},
                 "spec":{"rules":[{"backendRefs":[{"name":"payments","port":8080,"weight":"a lot"}]}]}}
                """);
        CommandResult refused = kubectl(1, "apply", "--dry-run=server", "-f", bad);
        assertTrue(refused.output(), refused.output().contains("weight"));
    }
}
