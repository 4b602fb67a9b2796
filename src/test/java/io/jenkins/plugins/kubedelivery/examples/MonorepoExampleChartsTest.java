package io.jenkins.plugins.kubedelivery.examples;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.kubedelivery.engine.deploy.GeneratedValues;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.monorepo.DeliveryCatalog;
import io.jenkins.plugins.kubedelivery.engine.monorepo.ServiceDefinition;
import io.jenkins.plugins.kubedelivery.testcluster.ClientProcess;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * The example's charts, with each environment's values and the image tag written where deployService
 * writes its {@code imageTag}, pass {@code helm lint --strict}, render what a production cluster
 * expects of them (non-root, probes, resources, the deployed image), are accepted by the simulated
 * API server ({@code kubectl create --dry-run=server}) and install there and become ready, with both
 * helm majors.
 */
@RunWith(Parameterized.class)
public class MonorepoExampleChartsTest {
    private static final DeliveryCatalog CATALOG = ExampleMonorepo.catalog();
    private static final String IMAGE_TAG = "3f2a9c1e0b7d";
    /** The namespace createPreviewNamespace gives pull request 42 of the repository "shop" with the example's pattern. */
    private static final String PREVIEW_NAMESPACE = "pr-42-shop";
    private static final YAMLMapper YAML = new YAMLMapper();

    @Rule
    public final TemporaryFolder temporary = new TemporaryFolder();

    private final String helmVersion;

    public MonorepoExampleChartsTest(String helmVersion) {
        this.helmVersion = helmVersion;
    }

    @Parameters(name = "helm {0}")
    public static Collection<Object[]> versions() {
        return Tools.helmParameters();
    }

    @Test
    public void everyChartLintsStrictlyWithEachEnvironmentsValues() throws Exception {
        Path image = imageValues();
        for (ServiceDefinition service : CATALOG.services().values()) {
            for (String suffix : ExampleMonorepo.valuesSuffixes(CATALOG)) {
                ClientProcess.Result lint = helm("lint", "--strict", chart(service), "-f", values(service, suffix), "-f", image.toString());
                assertTrue(service.name() + " with values." + suffix + ".yaml: " + lint, lint.succeeded());
                assertFalse(lint.toString(), lint.output().contains("[WARNING]"));
            }
        }
    }

    @Test
    public void everyRenderingRunsTheDeployedImageAsNonRootWithProbesAndResources() throws Exception {
        Path image = imageValues();
        for (ServiceDefinition service : CATALOG.services().values()) {
            for (String suffix : ExampleMonorepo.valuesSuffixes(CATALOG)) {
                String where = service.name() + " in " + suffix;
                List<JsonNode> objects = render(service, suffix, image);
                JsonNode deployment = only(objects, "Deployment", where);
                JsonNode pod = deployment.at("/spec/template/spec");
                assertEquals(where, service.release(), deployment.at("/metadata/name").asText());
                assertTrue(where + " runs as non-root", pod.at("/securityContext/runAsNonRoot").asBoolean());
                assertEquals(where, 1, pod.at("/containers").size());
                JsonNode container = pod.at("/containers/0");
                assertEquals(where, "registry.example.com/shop/" + service.name() + ":" + IMAGE_TAG, container.at("/image").asText());
                for (String field : List.of("/startupProbe", "/livenessProbe", "/readinessProbe", "/resources/requests/cpu",
                        "/resources/requests/memory", "/resources/limits/memory")) {
                    assertFalse(where + " sets " + field, container.at(field).isMissingNode());
                }
                assertFalse(where, container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true));
                assertTrue(where, container.at("/securityContext/readOnlyRootFilesystem").asBoolean());

                JsonNode selector = only(objects, "Service", where).at("/spec/selector");
                JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
                selector.fields().forEachRemaining(label -> assertEquals(where + " Service selects the pods", label.getValue(),
                        podLabels.get(label.getKey())));
                assertEquals(where + " PodDisruptionBudget with more than one replica", deployment.at("/spec/replicas").asInt() > 1,
                        objects.stream().anyMatch(o -> kind(o).equals("PodDisruptionBudget")));
                objects.stream().filter(o -> kind(o).equals("Ingress")).forEach(ingress -> assertEquals(where + " Ingress leads to the Service",
                        service.release(), ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asText()));
            }
        }
    }

    @Test
    public void publicServicesHaveAnIngressInStageAndProdOnly() throws Exception {
        Path image = imageValues();
        Map<String, List<String>> hosts = new TreeMap<>();
        for (ServiceDefinition service : CATALOG.services().values()) {
            for (String suffix : ExampleMonorepo.valuesSuffixes(CATALOG)) {
                render(service, suffix, image).stream().filter(o -> kind(o).equals("Ingress"))
                        .forEach(ingress -> hosts.computeIfAbsent(service.name(), s -> new ArrayList<>())
                                .add(suffix + ": " + ingress.at("/spec/rules/0/host").asText() + ingress.at("/spec/rules/0/http/paths/0/path").asText()));
            }
        }
        assertEquals(Map.of("payments", List.of("stage: payments.stage.shop.example.com/", "prod: payments.shop.example.com/"),
                "search", List.of("stage: shop.stage.example.com/search", "prod: shop.example.com/search")), hosts);
    }

    @Test
    public void aChartRefusesToRenderWithoutTheImageTagThePipelineSets() {
        for (ServiceDefinition service : CATALOG.services().values()) {
            ClientProcess.Result template = helm("template", service.release(), chart(service), "-f", values(service, "stage"));
            assertFalse(template.toString(), template.succeeded());
            assertTrue(template.toString(), template.output().contains("image.tag is empty: deploy with deployService's imageTag"));
        }
    }

    @Test
    public void everyPreviewFitsThePreviewQuotaEvenDuringARollingUpdate() throws Exception {
        Path image = imageValues();
        long pods = 0;
        long cpuMillis = 0;
        long memoryBytes = 0;
        for (ServiceDefinition service : CATALOG.services().values()) {
            JsonNode deployment = only(render(service, ExampleMonorepo.PREVIEW, image), "Deployment", service.name());
            // maxSurge: a rollout runs one pod more than the replicas, and the quota counts it
            long running = deployment.at("/spec/replicas").asLong() + deployment.at("/spec/strategy/rollingUpdate/maxSurge").asLong();
            JsonNode resources = deployment.at("/spec/template/spec/containers/0/resources");
            pods += running;
            cpuMillis += running * Quantity.millis(resources.at("/requests/cpu").asText());
            memoryBytes += running * Quantity.bytes(resources.at("/limits/memory").asText());
        }
        Map<String, String> quota = CATALOG.preview().quota();
        assertTrue(pods + " pods", pods <= Long.parseLong(quota.get("pods")));
        assertTrue(cpuMillis + "m of CPU requested", cpuMillis <= Quantity.millis(quota.get("requests.cpu")));
        assertTrue(memoryBytes + " bytes of memory limits", memoryBytes <= Quantity.bytes(quota.get("limits.memory")));
    }

    @Test
    public void everyRenderingIsAcceptedByTheApiServerAndTheProductionOneBecomesReady() throws Exception {
        Path image = imageValues();
        try (TestCluster cluster = TestCluster.started()) {
            for (String suffix : ExampleMonorepo.valuesSuffixes(CATALOG)) {
                String namespace = namespace(suffix);
                cluster.createNamespace(namespace);
                for (ServiceDefinition service : CATALOG.services().values()) {
                    Path manifest = temporary.newFile(service.name() + "-" + suffix + ".yaml").toPath();
                    Files.writeString(manifest, template(service, suffix, image));
                    ClientProcess.Result dryRun = ClientProcess.run(cluster, Tools.kubectl(Tools.KUBECTL_135), "create", "--dry-run=server",
                            "-n", namespace, "-f", manifest.toString());
                    assertTrue(dryRun.toString(), dryRun.succeeded());
                }
            }
            String prod = namespace("prod");
            for (ServiceDefinition service : CATALOG.services().values()) {
                ClientProcess.Result install = ClientProcess.run(cluster, Duration.ofSeconds(90), Tools.helm(helmVersion), "upgrade",
                        "--install", service.release(), chart(service), "-n", prod, "-f", values(service, "prod"), "-f", image.toString(),
                        "--wait", "--timeout", "60s");
                assertTrue(install.toString(), install.succeeded());
                JsonNode deployment = cluster.object("apps/v1", "Deployment", prod, service.release()).orElseThrow();
                assertEquals(service.name(), deployment.at("/spec/replicas").asInt(), deployment.at("/status/availableReplicas").asInt());
            }
        }
    }

    /** The namespace an environment's releases go to. */
    private static String namespace(String valuesSuffix) {
        return valuesSuffix.equals(ExampleMonorepo.PREVIEW) ? PREVIEW_NAMESPACE : CATALOG.environment(valuesSuffix).namespace();
    }

    /** The values file deployService generates for {@code imageTag}, written by the engine's own writer. */
    private Path imageValues() throws IOException {
        Path file = temporary.newFile("image-values.json").toPath();
        GeneratedValues generated = new GeneratedValues().put("imageTag", DeployRequest.DEFAULT_IMAGE_TAG_KEY, IMAGE_TAG);
        Files.writeString(file, GeneratedValues.toJson(generated.asMap()));
        return file;
    }

    private List<JsonNode> render(ServiceDefinition service, String suffix, Path image) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(template(service, suffix, image))) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
        }
        return objects;
    }

    private String template(ServiceDefinition service, String suffix, Path image) {
        ClientProcess.Result template = helm("template", service.release(), chart(service), "--namespace", namespace(suffix),
                "-f", values(service, suffix), "-f", image.toString());
        assertTrue(template.toString(), template.succeeded());
        return template.stdout();
    }

    private ClientProcess.Result helm(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Tools.helm(helmVersion).toString());
        command.addAll(List.of(arguments));
        Path home = temporary.getRoot().toPath();
        return ClientProcess.run(Map.of("HOME", home.toString(), "HELM_CACHE_HOME", home.resolve("cache").toString(),
                "HELM_CONFIG_HOME", home.resolve("config").toString(), "HELM_DATA_HOME", home.resolve("data").toString()),
                home.toFile(), ClientProcess.DEFAULT_TIMEOUT, command);
    }

    private static String chart(ServiceDefinition service) {
        return ExampleMonorepo.chart(service).toString();
    }

    private static String values(ServiceDefinition service, String suffix) {
        return ExampleMonorepo.chart(service).resolve("values." + suffix + ".yaml").toString();
    }

    private static String kind(JsonNode object) {
        return object.path("kind").asText();
    }

    private static JsonNode only(List<JsonNode> objects, String kind, String where) {
        List<JsonNode> found = objects.stream().filter(o -> kind(o).equals(kind)).toList();
        assertEquals(where + ": one " + kind + " in " + objects.stream().map(MonorepoExampleChartsTest::kind)
                .collect(Collectors.joining(", ")), 1, found.size());
        return found.get(0);
    }

    /** The Kubernetes quantities the example uses: cores or millicores, and bytes with binary suffixes. */
    static final class Quantity {
        private Quantity() {}

        static long millis(String cpu) {
            return cpu.endsWith("m") ? Long.parseLong(cpu.substring(0, cpu.length() - 1)) : Long.parseLong(cpu) * 1000;
        }

        static long bytes(String memory) {
            for (Map.Entry<String, Long> unit : Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30).entrySet()) {
                if (memory.endsWith(unit.getKey())) {
                    return Long.parseLong(memory.substring(0, memory.length() - 2)) * unit.getValue();
                }
            }
            return Long.parseLong(memory);
        }
    }
}
