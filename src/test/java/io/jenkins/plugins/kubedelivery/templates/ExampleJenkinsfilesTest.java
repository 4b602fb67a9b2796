package io.jenkins.plugins.kubedelivery.templates;

import static org.junit.Assert.assertEquals;

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
                    .stub("deployService", args -> Map.of("revision", 2))
                    .stub("nginx", ExampleJenkinsfilesTest::router);
            t.runJenkinsfile(EXAMPLE.resolve(service).resolve("Jenkinsfile"));
            assertEquals(Map.of("service", service, "environment", "stage", "imageTag", "c0ffee1"), t.arguments("deployService", 0));
        }
    }

    /** The {@code nginx(ingress: ...)} router as the stubbed canary steps see it. */
    private static Object router(Map<String, Object> args) {
        return "nginx(" + args.get("ingress") + ")";
    }

    private static final Map<String, String> TAG = Map.of("TAG_NAME", "1.5.0", "BRANCH_NAME", "1.5.0");
    private static final Map<String, Object> PROMOTED = Map.of("promoted", true, "revision", 5, "durationMillis", 1000);

    @Test
    public void eachServicesJenkinsfileReleasesATagThroughItsOwnIngressCanary() throws Exception {
        for (String service : List.of("payments", "search", "ledger")) {
            PipelineTemplate t = new PipelineTemplate("microservicePipeline", TAG)
                    .stub("checkout", args -> Map.of("GIT_COMMIT", "c0ffee1"))
                    .stub("nginx", ExampleJenkinsfilesTest::router)
                    .stub("canaryShift", args -> PROMOTED);
            t.runJenkinsfile(EXAMPLE.resolve(service).resolve("Jenkinsfile"));
            assertEquals(Map.of("service", service, "environment", "prod", "router", "nginx(" + service + ")", "imageTag", "1.5.0"),
                    t.arguments("canaryShift", 0));
        }
    }

    @Test
    public void theRootJenkinsfileReleasesATagThroughEachServicesOwnIngressCanary() throws Exception {
        PipelineTemplate t = new PipelineTemplate("monorepoPipeline", TAG)
                .stub("checkout", args -> Map.of("GIT_COMMIT", "c0ffee1"))
                .stub("changedServices", args -> Map.of("services", List.of("payments", "search"), "all", false, "baseCommit", "9f8e7d6",
                        "why", "the last successful build's commit 9f8e7d6", "dependsOn", Map.of("search", List.of("payments"))))
                .stub("nginx", ExampleJenkinsfilesTest::router)
                .stub("canaryShift", args -> PROMOTED);
        t.runJenkinsfile(EXAMPLE.resolve("Jenkinsfile"));
        assertEquals(List.of("nginx(payments)", "nginx(search)"), t.calls().stream().filter(c -> c.getKey().equals("canaryShift"))
                .map(c -> c.getValue().get("router")).toList());
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
