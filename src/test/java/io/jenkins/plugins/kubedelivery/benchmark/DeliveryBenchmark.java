package io.jenkins.plugins.kubedelivery.benchmark;

import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployServices;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployServicesRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackService;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackRequest;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapPreviewNamespaces;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapRequest;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapResult;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the figures docs/ARCHITECTURE.md ("Performance targets") sets targets for, measured with the real helm and kubectl
 * against the simulated cluster on this machine: per-call overhead, API calls and time per deploy
 * and rollback, a whole deploy and rollback step against bare helm ({@link StepOverheadBenchmark}),
 * reaping 1,000 previews, a 10-service preview deploy, and canaryShift's abort, overhead and
 * commands beside bare commands ({@link CanaryBenchmark}). A benchmark, not a test:
 * it asserts nothing and prints numbers. Run by {@code scripts/benchmark.sh}.
 */
public final class DeliveryBenchmark {
    private static final int SERVICES = 10;
    private static final int PREVIEWS = 1000;
    /** Runs (step and bare) per figure of the overhead and canary parts: enough for a median on a noisy machine. */
    private static final int REPETITIONS = 7;

    private final TestCluster cluster;
    private final Path workspace;
    private final LocalStagingArea staging;
    private final ClusterTarget target;

    private DeliveryBenchmark(TestCluster cluster, Path workspace, LocalStagingArea staging) {
        this.cluster = cluster;
        this.workspace = workspace;
        this.staging = staging;
        this.target = new ClusterTarget(cluster.kubeconfig().toString(), null, "bench");
    }

    public static void main(String[] args) throws Exception {
        Path workspace = Files.createTempDirectory("bench-monorepo-");
        EngineFixture.copy(Resources.path("monorepo"), workspace);
        ServiceCharts.addCopies(workspace, "payments", SERVICES);
        try (TestCluster cluster = TestCluster.started(); LocalStagingArea staging = new LocalStagingArea()) {
            cluster.readyAfter(Duration.ofMillis(300));
            for (String ns : List.of("stage", "prod", "preview-bench")) {
                cluster.createNamespace(ns);
            }
            DeliveryBenchmark bench = new DeliveryBenchmark(cluster, workspace, staging);
            System.out.printf("Machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            // Arguments name the parts to run (deploy, overhead, reap, preview, canary); none runs them all.
            int repetitions = Integer.getInteger("kubedelivery.repetitions", REPETITIONS);
            List<String> parts = args.length == 0 ? List.of("deploy", "overhead", "reap", "preview", "canary") : List.of(args);
            if (parts.contains("deploy")) {
                for (String helm : Tools.HELM_VERSIONS) {
                    bench.perCallOverhead(helm);
                    bench.deployAndRollback(helm);
                }
            }
            if (parts.contains("overhead")) {
                new StepOverheadBenchmark(cluster, repetitions).run();
            }
            if (parts.contains("reap")) {
                bench.reap();
            }
            if (parts.contains("preview")) {
                bench.previewOfTenServices();
            }
            if (parts.contains("canary")) {
                new CanaryBenchmark(cluster, workspace, bench.runner(), runner -> bench.ports(runner, Tools.HELM_4), repetitions)
                        .run();
            }
        } finally {
            EngineFixture.deleteTree(workspace);
        }
    }

    private EnginePorts ports(CommandRunner runner, String helm) {
        return EnginePorts.builder()
                .tools(io.jenkins.plugins.kubedelivery.engine.cli.Tools.onPath(runner)
                        .withHelm(Tools.helm(helm).toString()).withKubectl(Tools.kubectl(Tools.KUBECTL_135).toString()))
                .workspace(new LocalWorkspace(workspace)).staging(staging).log(EngineLog.NONE).clock(Clock.systemUTC()).build();
    }

    private CountingRunner runner() {
        return new CountingRunner(new LocalProcessRunner(workspace, cluster.environment()), EngineLog.NONE);
    }

    /** The same helm read, run directly and through the engine's client (argv building, JSON parsing). */
    private void perCallOverhead(String helm) throws Exception {
        String release = "overhead-" + helm.charAt(0);
        new DeployService(ports(runner(), helm), target, "bench")
                .run(DeployRequest.builder("payments", "stage").release(release).build());
        LocalProcessRunner direct = new LocalProcessRunner(workspace, cluster.environment());
        CommandLine history = CommandLine.of(List.of(Tools.helm(helm).toString(), "history", release, "--namespace", "stage",
                "--max", "64", "--output", "json", "--kubeconfig", cluster.kubeconfig().toString()));
        HelmClient client = new HelmClient(direct, Tools.helm(helm).toString(), target);
        int rounds = 15;
        for (int i = 0; i < 3; i++) {
            direct.run(history, Duration.ofMinutes(1));
            client.history(release, "stage", 64);
        }
        long directNanos = 0;
        long engineNanos = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            direct.run(history, Duration.ofMinutes(1));
            long t1 = System.nanoTime();
            client.history(release, "stage", 64);
            engineNanos += System.nanoTime() - t1;
            directNanos += t1 - t0;
        }
        System.out.printf("%nhelm %s, per-call overhead (helm history, %d rounds): direct %.1f ms, through the engine %.1f ms, overhead %+.1f%%%n",
                helm, rounds, directNanos / 1e6 / rounds, engineNanos / 1e6 / rounds, 100.0 * (engineNanos - directNanos) / directNanos);
    }

    private void deployAndRollback(String helm) throws Exception {
        String release = "bench-" + helm.charAt(0);
        CountingRunner runner = runner();
        DeployService deploy = new DeployService(ports(runner, helm), target, "bench");
        for (String phase : List.of("first install", "upgrade", "second upgrade")) {
            cluster.clearRequests();
            runner.reset();
            long t0 = System.nanoTime();
            deploy.run(DeployRequest.builder("payments", "stage").release(release).imageTag(phase.replace(' ', '-')).build());
            System.out.printf("helm %s, deploy (%s): %.2f s, %d helm calls, %d API requests%n", helm, phase,
                    (System.nanoTime() - t0) / 1e9, runner.commands(), cluster.requests().size());
        }
        cluster.clearRequests();
        runner.reset();
        long t0 = System.nanoTime();
        new RollbackService(ports(runner, helm), target, "bench").run(new RollbackRequest("payments", "stage", null, release, 0,
                Duration.ofMinutes(2), true));
        System.out.printf("helm %s, rollback: %.2f s, %d helm calls (history, rollback), %d API requests%n", helm,
                (System.nanoTime() - t0) / 1e9, runner.commands(), cluster.requests().size());
    }

    private void reap() throws Exception {
        Instant now = Instant.now();
        String manifest = PreviewNamespacesFile.of(PREVIEWS, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(48)));
        CountingRunner setup = runner();
        setup.run(CommandLine.of(List.of(Tools.kubectl(Tools.KUBECTL_135).toString(), "apply", "--filename",
                staging.write("previews.yaml", manifest), "--output", "name", "--kubeconfig", cluster.kubeconfig().toString())),
                Duration.ofMinutes(10));
        for (int parallelism : List.of(8)) {
            CountingRunner runner = runner();
            cluster.clearRequests();
            long t0 = System.nanoTime();
            ReapResult result = new ReapPreviewNamespaces(ports(runner, Tools.HELM_4), target)
                    .run(new ReapRequest(null, null, false, parallelism));
            System.out.printf("%nReap of %d preview namespaces (%d expired), parallelism %d: %.1f s, %d kubectl calls"
                    + " (1 list + %d deletes), %d API requests, %d deleted, %d kept, %d failed%n", PREVIEWS, PREVIEWS / 2, parallelism,
                    (System.nanoTime() - t0) / 1e9, runner.commands(), runner.commands() - 1, cluster.requests().size(),
                    result.deleted().size(), result.kept().size(), result.failed().size());
        }
    }

    private void previewOfTenServices() throws Exception {
        List<String> services = ServiceCharts.names(SERVICES);
        long slowest = 0;
        for (String service : services) {
            long t0 = System.nanoTime();
            new DeployService(ports(runner(), Tools.HELM_4), target, "bench").run(DeployRequest.builder(service, "preview")
                    .namespace("preview-bench").release(service + "-single").build());
            slowest = Math.max(slowest, System.nanoTime() - t0);
        }
        System.out.printf("%n%d-service preview, slowest single deploy: %.2f s%n", SERVICES, slowest / 1e9);
        List<String> lines = new ArrayList<>();
        for (int parallelism : List.of(4, SERVICES)) {
            CountingRunner runner = runner();
            String namespace = "preview-p" + parallelism;
            cluster.createNamespace(namespace);
            long t0 = System.nanoTime();
            new DeployServices(ports(runner, Tools.HELM_4), target, "bench").run(new DeployServicesRequest(services,
                    DeployRequest.builder("any", "preview").namespace(namespace).imageTag("bench").build(), parallelism));
            long wall = System.nanoTime() - t0;
            lines.add(String.format("%d-service preview, parallelism %d: %.2f s wall, %.2fx the slowest single deploy, %d helm calls",
                    SERVICES, parallelism, wall / 1e9, (double) wall / slowest, runner.commands()));
        }
        lines.forEach(System.out::println);
    }
}
