package io.jenkins.plugins.kubedelivery.benchmark;

import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricProvider;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricReading;
import io.jenkins.plugins.kubedelivery.engine.analysis.Threshold;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.RequestMetrics;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryClock;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryPlan;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryRelease;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryShift;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryShiftRequest;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryShiftResult;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryStep;
import io.jenkins.plugins.kubedelivery.engine.canary.Pause;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.routing.nginx.NginxCanaryIngress;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.StableIngress;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * canaryShift's figures beside the bare commands that would do the same by hand, with the nginx
 * router, the real helm 4 and kubectl 1.35 against the simulated cluster, in one run:
 * <ul>
 * <li>an abort: from the failing measurement to weight 0 (traffic back on stable) and to the canary
 *     release removed, beside a bare {@code kubectl patch} of the canary Ingress's weight to 0, a bare
 *     {@code kubectl delete} of it, and a bare {@code helm uninstall};
 * <li>a 4-step canary: its time beyond its pauses and analysis (the time its clock slept and its metric
 *     source took are measured, not assumed), beside the bare commands it needs: helm install of the
 *     canary, one kubectl write per weight, helm upgrade of stable, kubectl delete of the canary
 *     Ingress, helm uninstall of the canary; in pairs of alternating order, as {@link StepOverheadBenchmark};
 * <li>the commands the canary runs before traffic moves, per step, and to promote.
 * </ul>
 * The load average is printed at the start and the end: the figures are only the plugin's on a quiet machine.
 * The metric source answers at once from memory, so that only the plugin's own work is measured.
 */
final class CanaryBenchmark {
    private static final String NAMESPACE = "prod";
    private static final String SERVICE = "payments";
    private static final String CANARY = CanaryRelease.nameFor(SERVICE);
    private static final String CANARY_INGRESS = NginxCanaryIngress.canaryName(SERVICE);
    private static final List<Integer> WEIGHTS = List.of(25, 50, 75, 100);
    private static final Duration PAUSE = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String TIMEOUT = "300s";
    private static final MetricReading HEALTHY = new MetricReading.Value(0.002, 1000.0);
    private static final MetricReading FAILING = new MetricReading.Value(0.05, 1000.0);
    /** A 1-minute load average above this, on the 2-core machine the figures are taken on, means a loaded machine. */
    private static final double LOADED = 1.5;

    private final TestCluster cluster;
    private final Path workspace;
    private final int repetitions;
    private final CommandTimeline timeline;
    private final EnginePorts ports;
    private final ClusterTarget target;
    private final String helm = Tools.helm(Tools.HELM_4).toString();
    private final String kubectl = Tools.kubectl(Tools.KUBECTL_135).toString();
    private final CommandRunner bare;
    private JsonObject stableIngress;
    private int tags;

    /**
     * @param ports the engine's ports over the runner given, with helm 4 and kubectl 1.35
     * @param local runs a command as a local process on the simulated cluster
     */
    CanaryBenchmark(TestCluster cluster, Path workspace, CommandRunner local, Function<CommandRunner, EnginePorts> ports,
            int repetitions) {
        this.cluster = cluster;
        this.workspace = workspace;
        this.repetitions = repetitions;
        this.timeline = new CommandTimeline(local);
        this.ports = ports.apply(timeline);
        this.target = new ClusterTarget(cluster.kubeconfig().toString(), null, "bench");
        this.bare = local;
    }

    void run() throws Exception {
        new DeployService(ports, target, "bench").run(DeployRequest.builder(SERVICE, NAMESPACE).imageTag("stable-0").build());
        stableIngress = StableIngress.create(cluster, NAMESPACE, SERVICE, "pay.example.com", 8080);
        System.out.printf("%ncanaryShift with the nginx router, helm %s, kubectl %s, %d runs of each (median and range);"
                + " load average %s:%n", Tools.HELM_4, Tools.KUBECTL_135, repetitions, loadAverage());
        abort();
        fourSteps();
        System.out.printf("Load average at the end: %s%n", loadAverage());
    }

    /**
     * The 1, 5 and 15 minute load averages, which say how far the figures are the machine's rather than the plugin's:
     * above {@value #LOADED} the machine was loaded by other work, and the line says so.
     */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            boolean loaded = Double.parseDouble(fields[0]) > LOADED;
            return fields[0] + ", " + fields[1] + ", " + fields[2] + (loaded ? " (loaded: other work competed for the CPU)" : "");
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** From the failing measurement to weight 0 and to the canary removed, beside the bare commands. */
    private void abort() throws Exception {
        Samples toFirstCommand = new Samples();
        Samples toWeightZero = new Samples();
        Samples toRemoved = new Samples();
        Samples barePatch = new Samples();
        Samples bareDelete = new Samples();
        Samples bareUninstall = new Samples();
        List<CommandTimeline.Launch> toZero = List.of();
        for (int i = 0; i < repetitions; i++) {
            Measured failed = canary(FAILING, List.of(new CanaryStep(WEIGHTS.get(0), new Pause.Timed(PAUSE))));
            if (!failed.result().aborted()) {
                throw new IllegalStateException("the canary was not aborted: " + failed.result().reason());
            }
            long failing = failed.metrics().lastReadEnded();
            List<CommandTimeline.Launch> after = failed.between(failing, Long.MAX_VALUE);
            CommandTimeline.Launch uninstall = after.stream().filter(l -> l.is("helm", "uninstall")).findFirst().orElseThrow();
            toZero = failed.between(failing, uninstall.started());
            toFirstCommand.addNanos(toZero.get(0).started() - failing);
            toWeightZero.addNanos(toZero.get(toZero.size() - 1).ended() - failing);
            toRemoved.addNanos(uninstall.ended() - failing);

            // The same canary again, held at its first weight, for the bare commands to act on
            Measured held = canary(HEALTHY, List.of(new CanaryStep(WEIGHTS.get(0), new Pause.Manual()),
                    new CanaryStep(100, Pause.NONE)));
            if (!held.result().paused()) {
                throw new IllegalStateException("the canary did not pause: " + held.result().reason());
            }
            Path zero = Files.writeString(workspace.resolve("bench-weight-zero.json"),
                    "{\"metadata\":{\"annotations\":{\"" + NginxCanaryIngress.DEFAULT_ANNOTATION_PREFIX + "/canary-weight\":\"0\"}}}");
            barePatch.addNanos(timeBare(kubectl, "patch", "ingress", CANARY_INGRESS, "--namespace", NAMESPACE, "--type", "merge",
                    "--patch-file", zero.toString()));
            bareDelete.addNanos(timeBare(kubectl, "delete", "ingress", CANARY_INGRESS, "--namespace", NAMESPACE));
            bareUninstall.addNanos(timeBare(helm, "uninstall", CANARY, "--namespace", NAMESPACE, "--wait", "--timeout", TIMEOUT));
        }
        System.out.printf("Abort, from the failing measurement: to weight 0 %s, %d kubectl calls (%s), the first launched"
                + " after %s; to the canary removed %s (then helm uninstall --wait)%n", toWeightZero.millis(), toZero.size(),
                CommandTimeline.verbs(toZero), toFirstCommand.millis(), toRemoved.millis());
        System.out.printf("  bare: kubectl patch of the canary Ingress's weight to 0 %s, kubectl delete of it %s,"
                + " helm uninstall --wait %s%n", barePatch.millis(), bareDelete.millis(), bareUninstall.millis());
    }

    /** A 4-step canary beyond its pauses and analysis, beside the bare commands, in pairs of alternating order. */
    private void fourSteps() throws Exception {
        List<CanaryStep> steps = new ArrayList<>();
        for (int weight : WEIGHTS) {
            steps.add(new CanaryStep(weight, weight == 100 ? Pause.NONE : new Pause.Timed(PAUSE)));
        }
        Samples whole = new Samples();
        Samples waited = new Samples();
        Samples own = new Samples();
        Samples commands = new Samples();
        Samples bareSequence = new Samples();
        Samples ratios = new Samples();
        Measured described = null;
        for (int i = 0; i < repetitions; i++) {
            Measured canary;
            long bareNanos;
            if (i % 2 == 0) {
                canary = canary(HEALTHY, steps);
                bareNanos = bareCanary();
            } else {
                bareNanos = bareCanary();
                canary = canary(HEALTHY, steps);
            }
            if (!canary.result().promoted()) {
                throw new IllegalStateException("the canary was not promoted: " + canary.result().reason());
            }
            long beyond = canary.nanos() - canary.clock().slept() - canary.metrics().reading();
            whole.addNanos(canary.nanos());
            waited.addNanos(canary.clock().slept() + canary.metrics().reading());
            own.addNanos(beyond);
            commands.addNanos(CommandTimeline.busy(canary.launches()));
            bareSequence.addNanos(bareNanos);
            ratios.add((double) beyond / bareNanos);
            described = described == null ? canary : described;
        }
        System.out.printf("4-step canary %s, pause %ds, interval %ds: %s in all, of which pauses and analysis %s;"
                + " the rest %s beside the bare commands' %s: ratio %s%n", WEIGHTS, PAUSE.toSeconds(), PAUSE.toSeconds(),
                whole.seconds(), waited.seconds(), own.seconds(), bareSequence.seconds(), ratios.ratio());
        System.out.printf("  of the rest, its %d commands ran %s%n", described.launches().size(), commands.seconds());
        System.out.println("  bare: helm upgrade --install of the canary --wait, kubectl apply of the canary Ingress at each of"
                + " the 4 weights, helm upgrade of stable --wait, kubectl delete of the canary Ingress, helm uninstall --wait");
        commandsPerStep(described);
    }

    /** The commands of one promoted canary: before traffic moves, at each step, to promote. */
    private void commandsPerStep(Measured canary) {
        List<Long> measured = canary.metrics().readEnds();
        List<CommandTimeline.Launch> beforeFirst = canary.between(canary.started(), measured.get(0));
        int lastDryRun = 0;
        for (int i = 0; i < beforeFirst.size(); i++) {
            if (beforeFirst.get(i).arguments().contains("--dry-run=server")) {
                lastDryRun = i + 1;
            }
        }
        List<CommandTimeline.Launch> setup = beforeFirst.subList(0, lastDryRun);
        System.out.printf("Commands: before traffic moves %d (%s)%n", setup.size(), CommandTimeline.verbs(setup));
        List<CommandTimeline.Launch> step = beforeFirst.subList(lastDryRun, beforeFirst.size());
        System.out.printf("  step 1 of %d: %d (%s)%n", WEIGHTS.size(), step.size(), CommandTimeline.verbs(step));
        for (int i = 1; i < WEIGHTS.size(); i++) {
            step = canary.between(measured.get(i - 1), measured.get(i));
            System.out.printf("  step %d of %d: %d (%s)%n", i + 1, WEIGHTS.size(), step.size(), CommandTimeline.verbs(step));
        }
        List<CommandTimeline.Launch> promotion = canary.between(measured.get(WEIGHTS.size() - 1), canary.ended());
        System.out.printf("  promotion: %d (%s); by hand: 1 command per step%n", promotion.size(), CommandTimeline.verbs(promotion));
    }

    /** One canaryShift of a new tag with a metric source that always answers {@code reading}. */
    private Measured canary(MetricReading reading, List<CanaryStep> steps) throws InterruptedException {
        CanaryPlan plan = new CanaryPlan(steps, PAUSE, List.of(new MetricCheck("error-rate", Threshold.atMost(0.01), null, 0, 0,
                MetricCheck.DEFAULT_CONSECUTIVE_ERROR_LIMIT)), 100);
        CanaryShiftRequest request = new CanaryShiftRequest(DeployRequest.builder(SERVICE, NAMESPACE).imageTag(nextTag()).build(),
                plan, Map.of("error-rate", RequestMetrics.INGRESS_NGINX.errorRate()), "bench #" + tags);
        TimedMetrics metrics = new TimedMetrics(reading);
        TimedClock clock = new TimedClock();
        timeline.clear();
        long started = System.nanoTime();
        CanaryShiftResult result = new CanaryShift(ports, target, new RouterSpec.Nginx(SERVICE), metrics, clock).run(request);
        return new Measured(result, started, System.nanoTime(), metrics, clock, timeline.launches());
    }

    /** What the canary does, as bare commands: its release, its weights, stable upgraded, its Ingress and release removed. */
    private long bareCanary() throws Exception {
        String tag = nextTag();
        Path tagValues = Files.writeString(workspace.resolve("bench-tag.json"), "{\"image\":{\"tag\":\"" + tag + "\"}}");
        long nanos = timeBare(helm, "upgrade", "--install", CANARY, "helm/" + SERVICE, "--namespace", NAMESPACE, "--values",
                "helm/" + SERVICE + "/values.prod.yaml", "--values", tagValues.toString(), "--wait", "--rollback-on-failure",
                "--timeout", TIMEOUT);
        for (int weight : WEIGHTS) {
            JsonObject ingress = NginxCanaryIngress.derive(stableIngress, SERVICE, CANARY, weight,
                    NginxCanaryIngress.DEFAULT_ANNOTATION_PREFIX);
            Path file = Files.writeString(workspace.resolve("bench-canary-ingress.json"), ingress.toString());
            nanos += timeBare(kubectl, "apply", "--filename", file.toString(), "--namespace", NAMESPACE);
        }
        nanos += timeBare(helm, "upgrade", "--install", SERVICE, "helm/" + SERVICE, "--namespace", NAMESPACE, "--values",
                "helm/" + SERVICE + "/values.prod.yaml", "--values", tagValues.toString(), "--wait", "--rollback-on-failure",
                "--timeout", TIMEOUT);
        nanos += timeBare(kubectl, "delete", "ingress", CANARY_INGRESS, "--namespace", NAMESPACE);
        nanos += timeBare(helm, "uninstall", CANARY, "--namespace", NAMESPACE, "--wait", "--timeout", TIMEOUT);
        return nanos;
    }

    private String nextTag() {
        return "canary-" + ++tags;
    }

    private long timeBare(String... arguments) throws Exception {
        List<String> argv = new ArrayList<>(List.of(arguments));
        argv.addAll(List.of("--kubeconfig", cluster.kubeconfig().toString()));
        return BareCommand.time(bare, argv, WAIT);
    }

    /** One canaryShift: how it ended, when it ran, what its metric source and its clock spent, its commands. */
    private record Measured(CanaryShiftResult result, long started, long ended, TimedMetrics metrics, TimedClock clock,
            List<CommandTimeline.Launch> launches) {
        long nanos() {
            return ended - started;
        }

        List<CommandTimeline.Launch> between(long from, long to) {
            return CommandTimeline.between(launches, from, to);
        }
    }

    /** Answers every query with one reading at once, and keeps when each read ended and the time reads took. */
    private static final class TimedMetrics implements MetricProvider {
        private final MetricReading reading;
        private final List<Long> readEnds = new ArrayList<>();
        private long readingNanos;

        TimedMetrics(MetricReading reading) {
            this.reading = reading;
        }

        @Override
        public synchronized MetricReading read(MetricQuery query) {
            long started = System.nanoTime();
            MetricReading answer = reading;
            long ended = System.nanoTime();
            readingNanos += ended - started;
            readEnds.add(ended);
            return answer;
        }

        @Override
        public String unavailableReason() {
            return null;
        }

        synchronized List<Long> readEnds() {
            return List.copyOf(readEnds);
        }

        synchronized long lastReadEnded() {
            return readEnds.get(readEnds.size() - 1);
        }

        synchronized long reading() {
            return readingNanos;
        }
    }

    /** The wall clock, keeping how long the canary slept in it: its pauses and its waits for measurements. */
    private static final class TimedClock implements CanaryClock {
        private long sleptNanos;

        @Override
        public Instant now() {
            return CanaryClock.SYSTEM.now();
        }

        @Override
        public void sleepUntil(Instant until) throws InterruptedException {
            long started = System.nanoTime();
            try {
                CanaryClock.SYSTEM.sleepUntil(until);
            } finally {
                sleptNanos += System.nanoTime() - started;
            }
        }

        long slept() {
            return sleptNanos;
        }
    }
}
