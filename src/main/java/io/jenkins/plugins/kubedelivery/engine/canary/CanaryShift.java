package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.UseCase;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricProvider;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricSource;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.QueryTemplate;
import io.jenkins.plugins.kubedelivery.engine.cli.BackgroundRead;
import io.jenkins.plugins.kubedelivery.engine.cli.BackgroundReads;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployPlan;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployPlanner;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.deploy.Durations;
import io.jenkins.plugins.kubedelivery.engine.deploy.ReleaseGuard;
import io.jenkins.plugins.kubedelivery.engine.deploy.ReleaseRecords;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployResult;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteReading;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingObjects;
import io.jenkins.plugins.kubedelivery.engine.routing.TrafficRouter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canaryShift use case: the new version runs as release {@code <release>-canary} beside the
 * stable one, traffic moves to it step by step while the checks are measured, and the canary is
 * either promoted (stable upgraded to the new version, traffic back on stable, canary removed) or
 * aborted (traffic back on stable first, then the canary removed; stable never touched). What to do
 * at each moment is {@link CanaryPlanner}'s pure decision, carried out by {@link CanaryProgression}
 * (the loop canaryPromote reuses); this class checks the request, installs the canary and records
 * its plan ({@link CanaryRecord}) with its state. The state lives in the cluster ({@link RouteState}
 * on the routing object), so a new execution of the same build carries on where a restarted
 * controller left it.
 */
public final class CanaryShift implements UseCase<CanaryShiftRequest, CanaryShiftResult> {
    private final EnginePorts ports;
    private final EngineLog log;
    private final ClusterTarget cluster;
    private final RouterSpec routers;
    private final MetricSource source;
    private final MetricProvider metrics;
    private final CanaryClock clock;

    /**
     * @param source where {@code metrics} reads from, as names: recorded with the plan, so that canaryPromote measures
     *     the next steps from the same source
     */
    public CanaryShift(EnginePorts ports, ClusterTarget cluster, RouterSpec routers, MetricSource source, MetricProvider metrics,
            CanaryClock clock) {
        this.ports = ports;
        this.log = ports.log();
        this.cluster = cluster;
        this.routers = routers;
        this.source = source;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A canary whose metric source is not recorded (tests, or no checks): canaryPromote can then only promote it in full. */
    public CanaryShift(EnginePorts ports, ClusterTarget cluster, RouterSpec routers, MetricProvider metrics, CanaryClock clock) {
        this(ports, cluster, routers, MetricSource.NONE, metrics, clock);
    }

    /**
     * @throws EngineException with a one-line reason when the canary cannot start, or failed with an error;
     *     once traffic may have moved, it was sent back to stable and the canary removed first
     * @throws InterruptedException when the build was stopped; traffic is back on stable and the canary removed
     */
    @Override
    public CanaryShiftResult run(CanaryShiftRequest asked) throws InterruptedException {
        long started = ports.clock().millis();
        // Everything checked before the first command: the deploy's parameters, the names, the queries.
        DeployPlan stable = new DeployPlanner(ports.workspace()).plan(asked.deploy());
        // Vault values read once, before the first command, and held for this run only (the kept request has the
        // paths): the canary is installed with them, and this run's own promotion puts them back where the canary's
        // values, read through the masking filter, show their placeholders.
        // one deploy for the preflight, the canary's install and stable's upgrade: helm's version is asked once
        DeployService deploys = new DeployService(ports, cluster, asked.build());
        CanaryShiftRequest request = asked.withDeploy(deploys.withVaultValues(asked.deploy()));
        String canaryRelease = CanaryRelease.nameFor(request.deploy().release() == null ? "service" : "release", stable.release());
        Map<String, MetricQuery> queries = renderQueries(request, stable, canaryRelease);
        CanaryPlan plan = request.plan();
        CanaryRecord record = new CanaryRecord(plan, queries, source, CanaryRecord.Promotion.of(request.deploy(), request.canaryOnlyKeys()));
        String recorded = record.toJson(); // its size is checked here, before the first command

        HelmClient helm = new HelmClient(ports.runner(), ports.helm(), cluster);
        KubectlClient kubectl = new KubectlClient(ports.runner(), ports.kubectl(), cluster);
        RoutingObjects objects = new RoutingObjects(kubectl, ports.staging(), log);
        TrafficRouter router = routers.on(objects, log, stable.namespace(), stable.release(), canaryRelease);
        log.line("Canary of " + stable.release() + " in " + stable.namespace() + " as release " + canaryRelease
                + CanaryPromotion.newImage(request.deploy())
                + ", steps " + plan.describeSteps() + ", checks " + describeChecks(plan) + " measured every "
                + Durations.human(plan.interval()) + ", routed by " + router.describe());

        // The checks before the canary is installed read side by side: the routing objects here, the canary
        // release's owner, the stable release's manifest and the canary rendered (and helm's version, for the
        // install) on their own threads. Each is still decided on in this order, so a refusal reads as it would alone.
        Optional<RouteState> resumed;
        try (BackgroundReads beforeInstall = new BackgroundReads()) {
            beforeInstall.add(deploys.helmVersionAhead());
            BackgroundRead<Optional<Map<String, String>>> canaryLabels = beforeInstall.start("kube-delivery-canary-labels",
                    () -> ReleaseRecords.labels(helm, kubectl, canaryRelease, stable.namespace()));
            CanaryPreflight.Started preflight = new CanaryPreflight(helm, kubectl, deploys, log, ports.clock()).start(beforeInstall,
                    stable, request.canaryDeploy(canaryRelease), canaryRelease, routers.sharesStableService());
            Resume resume = resumeStep(ReleaseRecords.notRead(helm, kubectl, stable.namespace()), router, request.build(),
                    canaryRelease, stable, plan);
            resumed = resume.state();
            if (!plan.checks().isEmpty()) {
                String unavailable = metrics.unavailableReason();
                if (unavailable != null) {
                    throw new ValidationException("prometheusUrl", "the metric source does not answer (" + unavailable
                            + "), so the canary could not be checked; no traffic moved");
                }
            }
            // a leftover reset meanwhile removed the canary release the labels were read from: read them again
            CanaryRelease.requireOwnedOrAbsent(stable.release(), resume.leftoverReset()
                    ? ReleaseRecords.labels(helm, kubectl, canaryRelease, stable.namespace()) : canaryLabels.get());
            preflight.check();
        }

        int startStep = resumed.map(RouteState::step).orElse(0);
        RouteState state = new RouteState(plan.step(startStep).weight(), canaryRelease, startStep, request.build())
                .withPlan(recorded);
        boolean canaryInstalled = false;
        try {
            try (BackgroundReads alongsideInstall = new BackgroundReads()) {
                // An L7 router's objects name the canary's Service without reading it, so their dry run goes beside the
                // install; the replicas() router scales the canary's Deployment, which must exist first.
                BackgroundRead<Void> dryRun = routers.sharesStableService() ? null : alongsideInstall.start(
                        "kube-delivery-router-dry-run", () -> checkRouterObjects(objects, state, stable));
                installCanary(deploys, request, canaryRelease, stable);
                canaryInstalled = true;
                if (dryRun == null) {
                    checkRouterObjects(objects, state, stable);
                } else {
                    dryRun.get();
                }
            }
            // A canary this run started is promoted from the request it was installed with: what the canary release's
            // values would read back, without the read. A resumed one is promoted from its values as read back, as
            // canaryPromote does: the cautious way for a canary an earlier execution began.
            CanaryPromotion.Source promotionSource = resumed.isEmpty() ? new CanaryPromotion.Installed(request.stableDeploy())
                    : new CanaryPromotion.ReadBack(request.deploy().secretValues());
            return new CanaryProgression(ports, cluster, metrics, clock, stable, router, record, deploys, promotionSource,
                    started).from(state);
        } catch (InterruptedException stopped) {
            Thread.interrupted(); // the cleanup's commands must run; the interrupt is passed on below
            abort(helm, router, stable, canaryRelease, canaryInstalled, "the build was stopped");
            throw stopped;
        } catch (RuntimeException failed) {
            abort(helm, router, stable, canaryRelease, canaryInstalled, "of an error: " + failed.getMessage());
            throw failed;
        }
    }

    /**
     * Where this run starts from.
     *
     * @param state this build's recorded state to carry on from, or empty for a canary that starts now
     * @param leftoverReset whether another build's canary was reset to stable first (its canary release removed)
     */
    private record Resume(Optional<RouteState> state, boolean leftoverReset) {}

    /**
     * A recorded canary of this build carries on at its step; another build's is waited for while that
     * build runs, and reset to stable (this canary then starts from its first step) once it ended.
     */
    private Resume resumeStep(ReleaseRecords unread, TrafficRouter router, String build, String canaryRelease, DeployPlan stable,
            CanaryPlan plan) throws InterruptedException {
        RouteReading reading = router.read();
        Optional<RouteState> recorded = reading.recorded();
        boolean leftoverReset = recorded.isPresent() && !recorded.get().build().equals(build);
        if (leftoverReset) {
            new CanaryLeftovers(ports, cluster, routers).beforeChange(stable.release(), stable.namespace(), unread, stable.timeout(),
                    ReleaseGuard.Change.DEPLOY);
            reading = router.read();
            recorded = reading.recorded();
        }
        if (recorded.isEmpty()) {
            return new Resume(Optional.empty(), leftoverReset);
        }
        RouteState state = recorded.get();
        if (!state.build().equals(build) || !state.canaryRelease().equals(canaryRelease)) {
            throw new EngineException("a canary of " + stable.release() + " is already running in " + stable.namespace() + " ("
                    + state + "): it is not this build's, so it was left as it is; wait for that build, or end its canary with"
                    + " canaryAbort before starting another");
        }
        if (state.step() < 0 || state.step() >= plan.steps().size()) {
            throw new ValidationException("steps", "this build's canary was recorded at step " + (state.step() + 1) + " ("
                    + state + "), which the steps given now do not have: run it with the steps it started with");
        }
        log.line("Resuming this build's canary from the cluster: " + state + " (the routing objects carry "
                + reading.weight() + "%)");
        return new Resume(recorded, leftoverReset);
    }

    private void installCanary(DeployService deploys, CanaryShiftRequest request, String canaryRelease, DeployPlan stable)
            throws InterruptedException {
        long at = ports.clock().millis();
        DeployResult canary = deploys.run(request.canaryDeploy(canaryRelease), CanaryRouterLabels.of(stable.release(), routers));
        log.line("Canary release " + canaryRelease + " revision " + canary.revision() + CanaryPromotion.newImage(request.deploy())
                + " with " + request.canaryReplicas() + " pod(s) ready in " + since(at) + (routers.sharesStableService()
                        ? "; behind the stable Service already, as the replicas() router places it" : "; no traffic on it yet"));
    }

    /**
     * The router's writes for the first weight, as a server-side dry run: nothing moves unless they would all succeed.
     * It shares what the router's objects know, so its reads serve the first real write.
     */
    private Void checkRouterObjects(RoutingObjects objects, RouteState first, DeployPlan stable) throws InterruptedException {
        long at = ports.clock().millis();
        EngineLog dryRunLog = line -> log.line("[server dry run] " + line);
        routers.on(objects.serverDryRun(dryRunLog), dryRunLog, stable.namespace(),
                stable.release(), first.canaryRelease()).setWeight(first);
        log.line("The routing objects accept a weight of " + first.weight() + "% (server dry run, " + since(at) + ")");
        return null;
    }

    /** Traffic back on stable first, then the canary release removed (when this run got as far as installing it). */
    private void abort(HelmClient helm, TrafficRouter router, DeployPlan stable, String canaryRelease, boolean canaryInstalled,
            String because) throws InterruptedException {
        new CanaryTeardown(helm, log, ports.clock()).backToStable(router, stable.release(), stable.namespace(), canaryRelease,
                canaryInstalled, stable.timeout(), because);
    }

    private Map<String, MetricQuery> renderQueries(CanaryShiftRequest request, DeployPlan stable, String canaryRelease) {
        Map<String, String> variables = new HashMap<>(routers.queryVariables());
        variables.put("namespace", stable.namespace());
        variables.put("service", stable.release());
        variables.put("canary", canaryRelease);
        variables.put("interval", QueryTemplate.range(request.plan().interval()));
        Map<String, MetricQuery> rendered = new LinkedHashMap<>();
        request.queries().forEach((check, template) -> rendered.put(check, QueryTemplate.render("analysis", template, variables)));
        return rendered;
    }

    private static String describeChecks(CanaryPlan plan) {
        if (plan.checks().isEmpty()) {
            return "none";
        }
        List<String> checks = new ArrayList<>();
        for (MetricCheck check : plan.checks()) {
            checks.add(check.name() + " " + check.threshold().describe() + " (failureLimit " + check.failureLimit() + ")");
        }
        return String.join(", ", checks) + ", minRequests " + plan.minRequests() + ",";
    }

    private String since(long startedMillis) {
        return Durations.human(Duration.ofMillis(ports.clock().millis() - startedMillis));
    }
}
