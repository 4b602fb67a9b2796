package io.jenkins.plugins.kubedelivery.templates;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The sample monorepo's Jenkinsfiles (examples/monorepo) run against this library's templates: each
 * one-line call is accepted as written and delivers what the example's README says.
 */
public class ExampleJenkinsfilesTest {
    private static final Path EXAMPLE = Path.of("examples", "monorepo");

    @Test
    public void eachServicesJenkinsfileDeliversThatServiceToStageOnAMerge() throws Exception {
        for (String service : List.of("payments", "search", "ledger")) {
            PipelineTemplate t = new PipelineTemplate("microservicePipeline", Map.of("BRANCH_NAME", "main"))
                    .stub("checkout", args -> Map.of("GIT_COMMIT", "c0ffee1"))
                    .stub("deployService", args -> Map.of("revision", 2));
            t.runJenkinsfile(EXAMPLE.resolve(service).resolve("Jenkinsfile"));
            assertEquals(Map.of("service", service, "environment", "stage", "imageTag", "c0ffee1"), t.arguments("deployService", 0));
        }
    }

    /** The example's workspace: its delivery.yaml at the root, which names the canary's router for every service. */
    private static Object exampleFileExists(Map<String, Object> args) {
        return Files.exists(EXAMPLE.resolve(String.valueOf(args.get("value"))));
    }

    private static final Map<String, String> TAG = Map.of("TAG_NAME", "1.5.0", "BRANCH_NAME", "1.5.0");
    private static final Map<String, Object> PROMOTED = Map.of("promoted", true, "revision", 5, "durationMillis", 1000);

    @Test
    public void eachServicesJenkinsfileReleasesATagThroughTheCanaryDeliveryYamlDescribes() throws Exception {
        for (String service : List.of("payments", "search", "ledger")) {
            PipelineTemplate t = new PipelineTemplate("microservicePipeline", TAG)
                    .stub("checkout", args -> Map.of("GIT_COMMIT", "c0ffee1"))
                    .stub("fileExists", ExampleJenkinsfilesTest::exampleFileExists)
                    .stub("canaryShift", args -> PROMOTED);
            t.runJenkinsfile(EXAMPLE.resolve(service).resolve("Jenkinsfile"));
            assertEquals("router, steps and analysis come from delivery.yaml", Map.of("service", service, "environment", "prod",
                    "imageTag", "1.5.0"), t.arguments("canaryShift", 0));
        }
    }

    @Test
    public void theRootJenkinsfileReleasesATagThroughEachServicesCanary() throws Exception {
        PipelineTemplate t = new PipelineTemplate("monorepoPipeline", TAG)
                .stub("checkout", args -> Map.of("GIT_COMMIT", "c0ffee1"))
                .stub("changedServices", args -> Map.of("services", List.of("payments", "search"), "all", false, "baseCommit", "9f8e7d6",
                        "why", "the last successful build's commit 9f8e7d6", "dependsOn", Map.of("search", List.of("payments"))))
                .stub("fileExists", ExampleJenkinsfilesTest::exampleFileExists)
                .stub("canaryShift", args -> PROMOTED);
        t.runJenkinsfile(EXAMPLE.resolve("Jenkinsfile"));
        assertEquals(List.of(Map.of("service", "payments", "environment", "prod", "imageTag", "1.5.0"),
                Map.of("service", "search", "environment", "prod", "imageTag", "1.5.0")), t.calls().stream()
                .filter(c -> c.getKey().equals("canaryShift")).map(Map.Entry::getValue).toList());
    }

    @Test
    public void theRootJenkinsfileDeliversTheChangedServices() throws Exception {
        PipelineTemplate t = new PipelineTemplate("monorepoPipeline", Map.of("BRANCH_NAME", "main"))
                .stub("checkout", args -> Map.of("GIT_COMMIT", "c0ffee1"))
                .stub("changedServices", args -> Map.of("services", List.of("payments", "search"), "all", false, "baseCommit", "9f8e7d6",
                        "why", "the last successful build's commit 9f8e7d6"))
                .stub("deployService", args -> Map.of("revision", 2, "namespace", "shop-stage", "durationMillis", 1000));
        t.runJenkinsfile(EXAMPLE.resolve("Jenkinsfile"));
        assertEquals(List.of("payments", "search"), t.calls().stream().filter(c -> c.getKey().equals("deployService"))
                .map(c -> c.getValue().get("service")).sorted().toList());
    }
}
