package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.UseCase;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.analysis.Measurement;
import io.jenkins.plugins.kubedelivery.engine.analysis.MeasurementJudge;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricProvider;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.QueryTemplate;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryShiftResult.State;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployPlan;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployPlanner;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.deploy.Durations;
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
 * at each moment is {@link CanaryPlanner}'s pure decision; this class only carries it out and says
 * so in the log. The state lives in the cluster ({@link RouteState} on the routing object), so a new
 * execution of the same build carries on where a restarted controller left it.
 */
public final class CanaryShift implements UseCase<CanaryShiftRequest, CanaryShiftResult> {
    private final EnginePorts ports;
    private final EngineLog log;
    private final ClusterTarget cluster;
    private final RouterSpec routers;
    private final MetricProvider metrics;
    private final CanaryClock clock;

    public CanaryShift(EnginePorts ports, ClusterTarget cluster, RouterSpec routers, MetricProvider metrics, CanaryClock clock) {
        this.ports = ports;
        this.log = ports.log();
        this.cluster = cluster;
        this.routers = routers;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @throws EngineException with a one-line reason when the canary cannot start, or failed with an error;
     *     once traffic may have moved, it was sent back to stable and the canary removed first
     * @throws InterruptedException when the build was stopped; traffic is back on stable and the canary removed
     */
    @Override
    public CanaryShiftResult run(CanaryShiftRequest request) throws InterruptedException {
        long started = ports.clock().millis();
        // Everything checked before the first command: the deploy's parameters, the names, the queries.
        DeployPlan stable = new DeployPlanner(ports.workspace()).plan(request.deploy());
        String canaryRelease = CanaryRelease.nameFor(request.deploy().release() == null ? "service" : "release", stable.release());
        Map<String, MetricQuery> queries = renderQueries(request, stable, canaryRelease);
        CanaryPlan plan = request.plan();

        HelmClient helm = new HelmClient(ports.runner(), ports.helm(), cluster);
        KubectlClient kubectl = new KubectlClient(ports.runner(), ports.kubectl(), cluster);
        RoutingObjects objects = new RoutingObjects(kubectl, ports.staging(), log);
        TrafficRouter router = routers.on(objects, log, stable.namespace(), stable.release(), canaryRelease);
        log.line("Canary of " + stable.release() + " in " + stable.namespace() + " as release " + canaryRelease
                + CanaryPromotion.newImage(request.deploy())
                + ", steps " + describe(plan) + ", checks " + describeChecks(plan) + " measured every "
                + Durations.human(plan.interval()) + ", routed by " + router.describe());

        int startStep = resumeStep(router.read(), request.build(), canaryRelease, stable, plan);
        if (!plan.checks().isEmpty()) {
            String unavailable = metrics.unavailableReason();
            if (unavailable != null) {
                throw new ValidationException("prometheusUrl", "the metric source does not answer (" + unavailable
                        + "), so the canary could not be checked; no traffic moved");
            }
        }
        CanaryRelease.requireOwnedOrAbsent(stable.release(), ReleaseLabels.of(helm, kubectl, canaryRelease, stable.namespace()));
        new CanaryPreflight(helm, kubectl, new DeployService(ports, cluster, request.build()), log, ports.clock())
                .check(stable, request.canaryDeploy(canaryRelease), canaryRelease, routers.sharesStableService());

        List<Measurement> taken = new ArrayList<>();
        RouteState state = new RouteState(plan.step(startStep).weight(), canaryRelease, startStep, request.build());
        boolean canaryInstalled = false;
        try {
            installCanary(request, canaryRelease, stable);
            canaryInstalled = true;
            checkRouterObjects(kubectl, state, stable);
            return shift(request, stable, router, state, queries, taken, started);
        } catch (InterruptedException stopped) {
            Thread.interrupted(); // the cleanup's commands must run; the interrupt is passed on below
            abort(helm, router, stable, canaryRelease, canaryInstalled, "the build was stopped");
            throw stopped;
        } catch (RuntimeException failed) {
            abort(helm, router, stable, canaryRelease, canaryInstalled, "of an error: " + failed.getMessage());
            throw failed;
        }
    }

    /** A recorded canary of this build carries on at its step; another build's is left alone. */
    private int resumeStep(RouteReading reading, String build, String canaryRelease, DeployPlan stable, CanaryPlan plan) {
        Optional<RouteState> recorded = reading.recorded();
        if (recorded.isEmpty()) {
            return 0;
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
        return state.step();
    }

    private void installCanary(CanaryShiftRequest request, String canaryRelease, DeployPlan stable) throws InterruptedException {
        long at = ports.clock().millis();
        DeployResult canary = new DeployService(ports, cluster, request.build())
                .run(request.canaryDeploy(canaryRelease), Map.of(CanaryRelease.CANARY_OF, stable.release()));
        log.line("Canary release " + canaryRelease + " revision " + canary.revision() + CanaryPromotion.newImage(request.deploy())
                + " with " + request.canaryReplicas() + " pod(s) ready in " + since(at) + (routers.sharesStableService()
                        ? "; behind the stable Service already, as the replicas() router places it" : "; no traffic on it yet"));
    }

    /** The router's writes for the first weight, as a server-side dry run: nothing moves unless they would all succeed. */
    private void checkRouterObjects(KubectlClient kubectl, RouteState first, DeployPlan stable) throws InterruptedException {
        long at = ports.clock().millis();
        EngineLog dryRunLog = line -> log.line("[server dry run] " + line);
        routers.on(new RoutingObjects(kubectl, ports.staging(), dryRunLog).serverDryRun(), dryRunLog, stable.namespace(),
                stable.release(), first.canaryRelease()).setWeight(first);
        log.line("The routing objects accept a weight of " + first.weight() + "% (server dry run, " + since(at) + ")");
    }

    private CanaryShiftResult shift(CanaryShiftRequest request, DeployPlan stable, TrafficRouter router, RouteState first,
            Map<String, MetricQuery> queries, List<Measurement> taken, long started) throws InterruptedException {
        CanaryPlan plan = request.plan();
        RouteState state = first;
        StepProgress progress = setWeight(router, state, plan);
        while (true) {
            CanaryDecision decision = CanaryPlanner.decide(plan, progress, clock.now());
            if (decision instanceof CanaryDecision.WaitUntil wait) {
                clock.sleepUntil(wait.until());
            } else if (decision instanceof CanaryDecision.Measure measure) {
                List<Measurement> round = measure(measure.checks(), queries, plan.minRequests(), state.weight());
                taken.addAll(round);
                progress = progress.with(round);
            } else if (decision instanceof CanaryDecision.Advance advance) {
                state = state.at(advance.weight(), advance.stepIndex());
                progress = setWeight(router, state, plan);
            } else if (decision instanceof CanaryDecision.Pause pause) {
                log.line("Canary paused at " + state.weight() + "%: " + pause.reason() + ". It keeps its traffic until this"
                        + " build runs canaryShift again (which measures this step again) or canaryPromote (which promotes it now),"
                        + " or canaryAbort ends it");
                return result(stable, State.PAUSED, state.weight(), pause.reason(), taken, started);
            } else if (decision instanceof CanaryDecision.Promote promote) {
                CanaryPromotion.promote(ports, cluster, request.deploy(), request.build(), stable, router, state);
                return result(stable, State.PROMOTED, 0, promote.summary(), taken, started);
            } else if (decision instanceof CanaryDecision.Abort abort) {
                log.line("Canary failed its analysis: " + abort.reason());
                abort(new HelmClient(ports.runner(), ports.helm(), cluster), router, stable,
                        CanaryRelease.nameFor(stable.release()), true, "the analysis failed");
                return result(stable, State.ABORTED, 0, abort.reason(), taken, started);
            }
        }
    }

    private StepProgress setWeight(TrafficRouter router, RouteState state, CanaryPlan plan) throws InterruptedException {
        long at = ports.clock().millis();
        RouteReading reached = router.setWeight(state);
        CanaryStep step = plan.step(state.step());
        log.line("Step " + (state.step() + 1) + " of " + plan.steps().size() + ": canary at " + reached.weight() + "% (asked "
                + state.weight() + "%), set in " + since(at) + "; holding " + describe(step.pause()));
        return StepProgress.begin(state.step(), clock.now());
    }

    private List<Measurement> measure(List<MetricCheck> checks, Map<String, MetricQuery> queries, long minRequests, int weight)
            throws InterruptedException {
        List<Measurement> round = new ArrayList<>();
        for (MetricCheck check : checks) {
            long at = ports.clock().millis();
            Measurement m = MeasurementJudge.judge(check, metrics.read(queries.get(check.name())), minRequests, clock.now());
            log.line("Measured " + check.name() + " at weight " + weight + "%: " + m.phase().name().toLowerCase(java.util.Locale.ROOT)
                    + ", " + m.detail() + " (" + since(at) + ")");
            round.add(m);
        }
        return round;
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

    private CanaryShiftResult result(DeployPlan stable, State state, int weight, String reason, List<Measurement> taken,
            long started) {
        long duration = ports.clock().millis() - started;
        log.line("Canary of " + stable.release() + " " + state.name().toLowerCase(java.util.Locale.ROOT) + " after "
                + Durations.human(Duration.ofMillis(duration)) + ": " + reason);
        return new CanaryShiftResult(stable.release(), CanaryRelease.nameFor(stable.release()), stable.namespace(), state,
                weight, reason, taken, duration);
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

    private static String describe(CanaryPlan plan) {
        List<String> steps = new ArrayList<>();
        for (CanaryStep step : plan.steps()) {
            steps.add(step.weight() + "% " + describe(step.pause()));
        }
        return String.join(", ", steps);
    }

    private static String describe(Pause pause) {
        if (pause instanceof Pause.Timed timed) {
            return timed.duration().isZero() ? "(no pause)" : "for " + Durations.human(timed.duration());
        }
        return "until a person decides";
    }

    private String since(long startedMillis) {
        return Durations.human(Duration.ofMillis(ports.clock().millis() - startedMillis));
    }
}
