package io.jenkins.plugins.kubedelivery.demo;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployServices;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployServicesRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackService;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackRequest;
import io.jenkins.plugins.kubedelivery.engine.preview.CreatePreviewNamespace;
import io.jenkins.plugins.kubedelivery.engine.preview.DeletePreviewNamespace;
import io.jenkins.plugins.kubedelivery.engine.preview.DeletePreviewRequest;
import io.jenkins.plugins.kubedelivery.engine.preview.PreviewRequest;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapPreviewNamespaces;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapRequest;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.CountingRunner;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.LocalProcessRunner;
import io.jenkins.plugins.kubedelivery.testsupport.LocalStagingArea;
import io.jenkins.plugins.kubedelivery.testsupport.LocalWorkspace;
import io.jenkins.plugins.kubedelivery.testsupport.Resources;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The plugin's main job with no Jenkins and no cluster: a pull request gets a preview, the merge
 * goes to stage, releases go to prod and a bad one rolls back by itself, then releases go to prod
 * through a canary checked by a real Prometheus ({@link CanaryReleases}): one promoted, one aborted.
 * The same engine the steps use drives the real helm 4 and kubectl 1.35 against the simulated
 * cluster, and the output is the log a Jenkins build would show. Run by {@code scripts/demo.sh}.
 */
public final class DeliveryDemo {
    private static final EngineLog OUT = System.out::println;

    private final TestCluster testCluster;
    private final ClusterTarget cluster;
    private final EnginePorts ports;

    private DeliveryDemo(TestCluster testCluster, Path workspace, LocalStagingArea staging) {
        this.testCluster = testCluster;
        this.cluster = new ClusterTarget(testCluster.kubeconfig().toString(), null, "demo-cluster");
        CountingRunner runner = new CountingRunner(new LocalProcessRunner(workspace, testCluster.environment()), OUT);
        this.ports = EnginePorts.builder()
                .tools(io.jenkins.plugins.kubedelivery.engine.cli.Tools.onPath(runner)
                        .withHelm(Tools.helm(Tools.HELM_4).toString()).withKubectl(Tools.kubectl(Tools.KUBECTL_135).toString()))
                .workspace(new LocalWorkspace(workspace)).staging(staging).log(OUT).clock(Clock.systemUTC()).build();
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path workspace = Files.createTempDirectory("demo-monorepo-");
        EngineFixture.copy(Resources.path("monorepo"), workspace);
        try (TestCluster testCluster = TestCluster.started(); LocalStagingArea staging = new LocalStagingArea()) {
            testCluster.readyAfter(Duration.ofMillis(500)).failImagesWithTag("1.6.0");
            testCluster.createNamespace("stage");
            testCluster.createNamespace("prod");
            new DeliveryDemo(testCluster, workspace, staging).run();
        } finally {
            EngineFixture.deleteTree(workspace);
        }
        System.out.printf("%nDemo finished in %.1fs%n", (System.nanoTime() - started) / 1e9);
    }

    private void run() throws Exception {
        build("shop/PR-42 #1", "pull request 42 opened (branch feature/faster-checkout)");
        Map<String, Object> preview = new CreatePreviewNamespace(ports, cluster).run(previewRequest("42", "c0ffee1")).toMap();
        step("deployServices", () -> new DeployServices(ports, cluster, "shop/PR-42 #1").run(new DeployServicesRequest(
                List.of("payments", "search"),
                DeployRequest.builder("any", "preview").namespace((String) preview.get("namespace")).imageTag("c0ffee1").build(),
                4)));
        System.out.println("Preview ready at " + preview.get("url"));

        build("shop/PR-42 #2", "a new push to pull request 42");
        new CreatePreviewNamespace(ports, cluster).run(previewRequest("42", "beefed2"));
        step("deployServices", () -> new DeployServices(ports, cluster, "shop/PR-42 #2").run(new DeployServicesRequest(
                List.of("payments", "search"),
                DeployRequest.builder("any", "preview").namespace("pr-42-shop").imageTag("beefed2").build(), 4)));

        build("shop/main #17", "pull request 42 merged: preview removed, stage deployed");
        step("deletePreviewNamespace", () -> new DeletePreviewNamespace(ports, cluster)
                .run(new DeletePreviewRequest("42", "shop", null, null, false)).toMap());
        step("deployServices", () -> new DeployServices(ports, cluster, "shop/main #17").run(new DeployServicesRequest(
                List.of("payments", "search"), DeployRequest.builder("any", "stage").imageTag("beefed2").build(), 4)));

        build("shop/release-1.5.0 #1", "release 1.5.0 to prod");
        step("deployService", () -> deployToProd("1.5.0"));

        build("shop/release-1.6.0 #1", "release 1.6.0 to prod: its image never becomes ready");
        step("deployService", () -> deployToProd("1.6.0"));

        build("shop/rollback #1", "someone asks prod to go back one release");
        step("rollbackService", () -> new RollbackService(ports, cluster, "shop/rollback #1")
                .run(new RollbackRequest("payments", "prod", null, null, 0, Duration.ofMinutes(1), true)).toMap());

        new CanaryReleases(ports, cluster, testCluster).run();

        build("shop/nightly-reap #9", "nightly clean-up: pull request 43's preview outlived its PR");
        new CreatePreviewNamespace(ports, cluster).run(previewRequest("43", "abc4321"));
        step("reapPreviewNamespaces", () -> new ReapPreviewNamespaces(ports, cluster)
                .run(new ReapRequest(List.of("44"), "shop", false, 4)).toMap());
    }

    private Object deployToProd(String version) throws InterruptedException {
        return new DeployService(ports, cluster, "shop/release-" + version + " #1")
                .run(DeployRequest.builder("payments", "prod").imageTag(version).timeout(Duration.ofSeconds(30)).build()).toMap();
    }

    private static PreviewRequest previewRequest(String pr, String commit) {
        return new PreviewRequest(pr, "shop", "feature/faster-checkout", commit, "https://ci.example.com/job/shop/PR-" + pr + "/",
                null, "pr-{pr}.{repository}.preview.example.com", Duration.ofHours(72), Map.of("pods", "20"), Map.of(), Map.of(),
                true, "ingress-nginx", List.of(), null, Map.of(), Map.of());
    }

    static void build(String name, String what) {
        System.out.println();
        System.out.println("================ " + name + ": " + what);
    }

    /** Runs one step as the Pipeline would show it: its log, then its result or its one-line error. */
    static void step(String name, Step body) throws InterruptedException {
        System.out.println("[Pipeline] " + name);
        long started = System.nanoTime();
        try {
            Object result = body.run();
            System.out.printf("%s returned %s (%.1fs)%n", name, result, (System.nanoTime() - started) / 1e9);
        } catch (EngineException e) {
            System.out.printf("ERROR: %s: %s (%.1fs)%n", name, e.getMessage(), (System.nanoTime() - started) / 1e9);
        }
    }

    @FunctionalInterface
    interface Step {
        Object run() throws InterruptedException;
    }
}
