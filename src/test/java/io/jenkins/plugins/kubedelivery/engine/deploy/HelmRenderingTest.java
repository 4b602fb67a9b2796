package io.jenkins.plugins.kubedelivery.engine.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.eclipsesource.json.Json;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.LocalProcessRunner;
import io.jenkins.plugins.kubedelivery.testsupport.ScriptedRunner;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * The real helm 3 and helm 4 render the fixture monorepo's charts the way deployService layers
 * them: the manifest is the one helm's server-side dry run (what {@code dryRun: true} runs) prints
 * against the simulated cluster.
 */
@RunWith(Parameterized.class)
public class HelmRenderingTest {
    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster();

    private final String helmVersion;
    private String helm;
    private LocalProcessRunner real;
    private ScriptedRunner runner;

    public HelmRenderingTest(String helmVersion) {
        this.helmVersion = helmVersion;
    }

    @Parameters(name = "helm {0}")
    public static Collection<Object[]> versions() {
        return Tools.helmParameters();
    }

    @Before
    public void realHelm() throws Exception {
        helm = Tools.helm(helmVersion).toString();
        cluster.createNamespace("stage");
        cluster.createNamespace("prod");
        real = new LocalProcessRunner(fixture.workspace(), cluster.environment());
        runner = new ScriptedRunner(real);
    }

    private DeployResult dryRun(DeployRequest request) throws InterruptedException {
        return new DeployService(fixture.livePorts(runner, helm, Tools.kubectl(Tools.KUBECTL_135).toString()),
                EngineFixture.target(cluster), "test").run(request);
    }

    @Test
    public void stageValuesLayerOverTheChartsDefaultsAndTheImageTagComesLast() throws Exception {
        Files.writeString(fixture.workspace().resolve("payments/ci-values.yaml"), "config:\n  FEATURE_X: \"on\"\nreplicaCount: 5\n");
        String manifest = templateOf(DeployRequest.builder("payments", "stage").imageTag("abc123")
                .valuesFiles(List.of("payments/ci-values.yaml")).values(Map.of("config.TRACE", "1,2=3")).build());
        assertTrue(manifest, manifest.contains("replicas: 5"));
        assertTrue(manifest, manifest.contains("LOG_LEVEL: \"debug\""));
        assertTrue(manifest, manifest.contains("ENVIRONMENT: \"stage\""));
        assertTrue(manifest, manifest.contains("FEATURE_X: \"on\""));
        assertTrue(manifest, manifest.contains("TRACE: \"1,2=3\""));
        assertTrue(manifest, manifest.contains("image: \"registry.example.com/shop/payments:abc123\""));
    }

    @Test
    public void prodValuesGiveReplicasAndResources() throws Exception {
        String manifest = templateOf(DeployRequest.builder("search", "prod").imageTag("2.0.1").imageRepository("registry.example.com/shop/search-v2").build());
        assertTrue(manifest, manifest.contains("replicas: 3"));
        assertTrue(manifest, manifest.contains("memory: 512Mi"));
        assertTrue(manifest, manifest.contains("LOG_LEVEL: \"info\""));
        assertTrue(manifest, manifest.contains("image: \"registry.example.com/shop/search-v2:2.0.1\""));
    }

    @Test
    public void theChartsLintCleanForEveryEnvironment() throws Exception {
        for (String service : List.of("payments", "search", "ledger")) {
            for (String environment : service.equals("ledger") ? List.of("stage") : List.of("stage", "prod")) {
                String chart = fixture.workspace().resolve("helm/" + service).toString();
                CommandResult lint = real.run(CommandLine.of(List.of(helm, "lint", chart, "--values", chart + "/values." + environment + ".yaml")),
                        Duration.ofMinutes(1));
                assertEquals(lint.output(), 0, lint.exitCode());
            }
        }
    }

    /** The manifest deployService would install, as the real helm renders it in the dry run. */
    private String templateOf(DeployRequest request) throws Exception {
        DeployRequest dry = DeployRequest.builder(request.service(), request.environment()).imageTag(request.imageTag())
                .imageRepository(request.imageRepository()).valuesFiles(request.valuesFiles()).values(request.values()).dryRun(true).build();
        dryRun(dry);
        CommandLine serverDryRun = runner.commands().stream().filter(c -> c.arguments().contains("--dry-run=server")).findFirst().orElseThrow();
        CommandResult rendered = real.run(serverDryRun, Duration.ofMinutes(1));
        assertEquals(rendered.output(), 0, rendered.exitCode());
        return Json.parse(rendered.output()).asObject().getString("manifest", "");
    }
}
