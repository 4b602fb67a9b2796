package io.jenkins.plugins.kubedelivery.benchmark;

import io.jenkins.plugins.kubedelivery.jenkins.deploy.DeployServiceStep;
import io.jenkins.plugins.kubedelivery.jenkins.deploy.RollbackServiceStep;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.LocalProcessRunner;
import io.jenkins.plugins.kubedelivery.testsupport.Resources;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jenkinsci.plugins.workflow.steps.Step;

/**
 * A whole {@code deployService} and a whole {@code rollbackService}, run through the Jenkins step
 * (test step context, local launcher running the real helm, so staging the kubeconfig and every
 * adapter cost counts), beside a bare {@code helm upgrade --install --wait} and a bare
 * {@code helm rollback --wait} of the same chart and release on the same simulated cluster.
 *
 * <p>Each repetition runs a pair (step and bare) of each, in alternating order, each a real change
 * (a new image tag, so the pods roll and {@code --wait} waits); the figure is the median of the
 * per-pair ratios with their range, so one slow moment on a shared machine shows as spread, not as
 * a result.
 */
final class StepOverheadBenchmark {
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String TIMEOUT = "300s";

    private final TestCluster cluster;
    private final int repetitions;

    StepOverheadBenchmark(TestCluster cluster, int repetitions) {
        this.cluster = cluster;
        this.repetitions = repetitions;
    }

    void run() throws Exception {
        System.out.printf("%nWhole step against bare helm (step through the Jenkins adapter, real helm, %d pairs each,"
                + " alternating order; ratio = step / bare, median and range):%n", repetitions);
        List<String> lines = new ArrayList<>();
        for (String helm : Tools.HELM_VERSIONS) {
            lines.addAll(measure(helm));
        }
        lines.forEach(System.out::println);
    }

    private List<String> measure(String helmVersion) throws Exception {
        Path root = Files.createTempDirectory("bench-overhead-");
        try {
            StepFixture fixture = StepFixture.against(cluster, helmVersion, root.toFile());
            EngineFixture.copy(Resources.path("monorepo"), fixture.workspace);
            Pair pair = new Pair(fixture, helmVersion, "overhead-h" + helmVersion.charAt(0));
            pair.stepDeploy("warm-up-step");
            pair.bareDeploy("warm-up-bare");
            pair.stepRollback();
            pair.bareRollback();
            Series deploys = new Series();
            Series rollbacks = new Series();
            for (int i = 0; i < repetitions; i++) {
                boolean stepFirst = i % 2 == 0;
                StepTime stepDeploy;
                long bareDeploy;
                if (stepFirst) {
                    stepDeploy = pair.stepDeploy("step-" + i);
                    bareDeploy = pair.bareDeploy("bare-" + i);
                } else {
                    bareDeploy = pair.bareDeploy("bare-" + i);
                    stepDeploy = pair.stepDeploy("step-" + i);
                }
                deploys.add(stepDeploy, bareDeploy);
                StepTime stepRollback;
                long bareRollback;
                if (stepFirst) {
                    stepRollback = pair.stepRollback();
                    bareRollback = pair.bareRollback();
                } else {
                    bareRollback = pair.bareRollback();
                    stepRollback = pair.stepRollback();
                }
                rollbacks.add(stepRollback, bareRollback);
            }
            return List.of(deploys.line("helm " + helmVersion + ", deployService vs helm upgrade --install --wait " + pair.rollbackOnFailure,
                    "upgrade"), rollbacks.line("helm " + helmVersion + ", rollbackService vs helm rollback --wait", "rollback"));
        } finally {
            EngineFixture.deleteTree(root);
        }
    }

    /** One release deployed and rolled back alternately by the step and by bare helm. */
    private final class Pair {
        private final StepFixture fixture;
        private final String helm;
        private final String release;
        private final String rollbackOnFailure;
        private final LocalProcessRunner bare;

        Pair(StepFixture fixture, String helmVersion, String release) {
            this.fixture = fixture;
            this.rollbackOnFailure = helmVersion.startsWith("3.") ? "--atomic" : "--rollback-on-failure";
            this.helm = Tools.helm(helmVersion).toString();
            this.release = release;
            this.bare = new LocalProcessRunner(fixture.workspace, cluster.environment());
        }

        StepTime stepDeploy(String tag) throws Exception {
            DeployServiceStep step = new DeployServiceStep("payments", "stage");
            step.setRelease(release);
            step.setImageTag(tag);
            step.setTimeout(TIMEOUT);
            step.setKubeconfigCredentialsId(StepFixture.CLUSTER_CREDENTIALS);
            return timeStep(step);
        }

        /**
         * What a user would write for the same deploy: the chart, its environment values, the tag in
         * a values file, and the step's default of rolling back a failed upgrade.
         */
        long bareDeploy(String tag) throws Exception {
            Path values = Files.writeString(fixture.workspace.resolveSibling("tag.json"), "{\"image\":{\"tag\":\"" + tag + "\"}}");
            return timeBare(List.of(helm, "upgrade", "--install", release, "helm/payments", "--namespace", "stage",
                    "--values", "helm/payments/values.stage.yaml", "--values", values.toString(), "--wait", rollbackOnFailure,
                    "--timeout", TIMEOUT, "--kubeconfig", cluster.kubeconfig().toString()));
        }

        StepTime stepRollback() throws Exception {
            RollbackServiceStep step = new RollbackServiceStep("payments", "stage");
            step.setRelease(release);
            step.setTimeout(TIMEOUT);
            step.setKubeconfigCredentialsId(StepFixture.CLUSTER_CREDENTIALS);
            return timeStep(step);
        }

        long bareRollback() throws Exception {
            return timeBare(List.of(helm, "rollback", release, "--namespace", "stage", "--wait", "--timeout", TIMEOUT,
                    "--kubeconfig", cluster.kubeconfig().toString()));
        }

        /** The step's wall time, and when (after its start) its first command and its change (upgrade, rollback) were launched. */
        private StepTime timeStep(Step step) throws Exception {
            AtomicLong firstLaunch = new AtomicLong();
            AtomicLong changeLaunch = new AtomicLong();
            fixture.launcher.onLaunch(launch -> {
                long now = System.nanoTime();
                firstLaunch.compareAndSet(0, now);
                if (launch.cmds().contains("upgrade") || launch.cmds().contains("rollback")) {
                    changeLaunch.set(now);
                }
            });
            long t0 = System.nanoTime();
            TestStepContext context = fixture.run(step, WAIT);
            long nanos = System.nanoTime() - t0;
            if (context.failure() != null) {
                throw new IllegalStateException("the step failed: " + context.failure().getMessage() + "\n" + fixture.log(),
                        context.failure());
            }
            return new StepTime(nanos, firstLaunch.get() - t0, changeLaunch.get() - t0);
        }

        private long timeBare(List<String> argv) throws Exception {
            return BareCommand.time(bare, argv, WAIT);
        }
    }

    /** A step's wall time, and how long after its start its first command and its change started. */
    private record StepTime(long total, long firstCommand, long change) {}

    /** Paired timings of step and bare helm. */
    private static final class Series {
        private final Samples steps = new Samples();
        private final Samples firstCommands = new Samples();
        private final Samples changes = new Samples();
        private final Samples bares = new Samples();
        private final Samples differences = new Samples();
        private final Samples ratios = new Samples();

        void add(StepTime step, long bare) {
            steps.addNanos(step.total());
            firstCommands.addNanos(step.firstCommand());
            changes.addNanos(step.change());
            bares.addNanos(bare);
            differences.addNanos(step.total() - bare);
            ratios.add((double) step.total() / bare);
        }

        /** The figure, then where the step's time before its change went: setting up, then the reads. */
        String line(String what, String change) {
            return String.format("%s: ratio %s; step %.2f s, bare %.2f s, step - bare %+.0f ms (medians);"
                    + " helm %s launched %.0f ms into the step (first command at %.0f ms)",
                    what, ratios.ratio(), steps.median() / 1e9, bares.median() / 1e9, differences.median() / 1e6, change,
                    changes.median() / 1e6, firstCommands.median() / 1e6);
        }
    }
}
