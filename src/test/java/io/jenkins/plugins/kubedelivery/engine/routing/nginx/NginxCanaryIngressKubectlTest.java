package io.jenkins.plugins.kubedelivery.engine.routing.nginx;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.engine.cli.JsonOutput;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.LocalProcessRunner;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * The canary Ingress derived from a stable Ingress that the real kubectl created: accepted by the
 * API server's dry run, then created, and read back with the weight it was given.
 */
@RunWith(Parameterized.class)
public class NginxCanaryIngressKubectlTest {
    private static final String PREFIX = NginxCanaryIngress.DEFAULT_ANNOTATION_PREFIX;

    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster();

    private final String kubectlVersion;
    private LocalProcessRunner runner;

    public NginxCanaryIngressKubectlTest(String kubectlVersion) {
        this.kubectlVersion = kubectlVersion;
    }

    @Parameters(name = "kubectl {0}")
    public static Collection<Object[]> versions() {
        return Tools.kubectlParameters();
    }

    @Before
    public void connect() {
        runner = new LocalProcessRunner(fixture.workspace(), cluster.environment());
    }

    private String kubectl(String... arguments) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Tools.kubectl(kubectlVersion).toString(), "--kubeconfig",
                cluster.kubeconfig().toString()));
        argv.addAll(List.of(arguments));
        CommandResult result = runner.run(CommandLine.of(argv), Duration.ofSeconds(60));
        assertEquals(result.output(), 0, result.exitCode());
        return result.output();
    }

    private JsonObject json(String output) {
        return JsonOutput.parse(output, "kubectl").asObject();
    }

    @Test
    public void theDerivedCanaryIsAValidIngressThatCarriesItsWeight() throws Exception {
        kubectl("create", "namespace", "prod");
        String stableFile = fixture.staging().write("stable.json", """
                {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"payments","namespace":"prod"},
                 "spec":{"ingressClassName":"nginx","rules":[{"host":"pay.example.com","http":{"paths":[
                   {"path":"/","pathType":"Prefix","backend":{"service":{"name":"payments","port":{"number":80}}}},
                   {"path":"/admin","pathType":"Prefix","backend":{"service":{"name":"admin","port":{"number":80}}}}]}}]}}
                """);
        kubectl("apply", "-f", stableFile);
        JsonObject stable = json(kubectl("get", "ingress", "payments", "-n", "prod", "-o", "json"));

        JsonObject canary = NginxCanaryIngress.derive(stable, "payments", "payments-canary", 10, PREFIX);
        String canaryFile = fixture.staging().write("canary.json", canary.toString());
        JsonObject dryRun = json(kubectl("apply", "--dry-run=server", "-f", canaryFile, "-o", "json"));
        assertEquals("payments-canary", dryRun.get("metadata").asObject().getString("name", null));
        assertTrue("a server dry run creates nothing", cluster.object("networking.k8s.io/v1", "Ingress", "prod", "payments-canary").isEmpty());

        kubectl("apply", "-f", canaryFile);
        JsonObject stored = json(kubectl("get", "ingress", "payments-canary", "-n", "prod", "-o", "json"));
        assertEquals(10, NginxCanaryIngress.weight(stored, PREFIX));
        assertTrue(NginxCanaryIngress.isOurs(stored));
        ObjectMapper jackson = new ObjectMapper(); // key order is not meaning: compare as trees
        assertEquals(jackson.readTree("[{\"host\":\"pay.example.com\",\"http\":{\"paths\":[{\"path\":\"/\",\"pathType\":\"Prefix\","
                + "\"backend\":{\"service\":{\"name\":\"payments-canary\",\"port\":{\"number\":80}}}}]}}]"),
                jackson.readTree(stored.get("spec").asObject().get("rules").toString()));
        assertEquals(List.of(), NginxCanaryIngress.conflicts(canary, List.of(stable, stored), PREFIX));
    }
}
