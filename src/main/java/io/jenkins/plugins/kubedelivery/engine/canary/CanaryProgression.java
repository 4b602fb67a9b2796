package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.analysis.Measurement;
import io.jenkins.plugins.kubedelivery.engine.analysis.MeasurementJudge;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricProvider;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryShiftResult.State;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployPlan;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.deploy.Durations;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteReading;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import io.jenkins.plugins.kubedelivery.engine.routing.TrafficRouter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Carries an installed canary along its recorded plan from a step: sets each step's weight, measures, and ends paused
 * for a person, promoted or aborted, as {@link CanaryPlanner} decides. The one loop of canaryShift and of canaryPromote
 * (which goes on past a pause with it), so that a canary carried on by a companion step is checked exactly as one
 * canaryShift carries. Every weight it sets is recorded in the cluster with the plan, so any step of the same build can
 * take the canary on from there.
 */
final class CanaryProgression {
    private final EnginePorts ports;
    private final EngineLog log;
    private final ClusterTarget cluster;
    private final MetricProvider metrics;
    private final CanaryClock clock;
    private final DeployPlan stable;
    private final TrafficRouter router;
    private final CanaryRecord record;
    private final DeployService deploys;
    private final CanaryPromotion.Source promotionSource;
    private final List<Measurement> taken = new ArrayList<>();
    private final long started;

    /**
     * @param stable the stable release's names and the helm timeout
     * @param router the router over the canary's live objects
     * @param deploys the deploy that upgrades stable when the canary is promoted, for the build that started it: the one
     *     that installed the canary when the caller did, so that helm's version is not asked again
     * @param promotionSource what stable is upgraded with: the request the canary was installed from when the caller
     *     installed it, else the canary release's values read back (with the secret values the caller still holds, put
     *     back where the masked read hid them)
     * @param started when the step that carries it began, in the ports' clock's millis: the result's duration counts from it
     */
    CanaryProgression(EnginePorts ports, ClusterTarget cluster, MetricProvider metrics, CanaryClock clock, DeployPlan stable,
            TrafficRouter router, CanaryRecord record, DeployService deploys, CanaryPromotion.Source promotionSource, long started) {
        this.ports = ports;
        this.log = ports.log();
        this.cluster = cluster;
        this.metrics = metrics;
        this.clock = clock;
        this.stable = stable;
        this.router = router;
        this.record = record;
        this.deploys = deploys;
        this.promotionSource = promotionSource;
        this.started = started;
    }

    /** Sets this state's weight (recording it with the plan) and carries the canary on from its step. */
    CanaryShiftResult from(RouteState first) throws InterruptedException {
        CanaryPlan plan = record.plan();
        RouteState state = first;
        StepProgress progress = setWeight(state);
        while (true) {
            CanaryDecision decision = CanaryPlanner.decide(plan, progress, clock.now());
            if (decision instanceof CanaryDecision.WaitUntil wait) {
                clock.sleepUntil(wait.until());
            } else if (decision instanceof CanaryDecision.Measure measure) {
                List<Measurement> round = measure(measure.checks(), state.weight());
                taken.addAll(round);
                progress = progress.with(round);
            } else if (decision instanceof CanaryDecision.Advance advance) {
                state = state.at(advance.weight(), advance.stepIndex());
                progress = setWeight(state);
            } else if (decision instanceof CanaryDecision.Pause pause) {
                router.setWeight(state.pausedHere());
                log.line("Canary paused at " + state.weight() + "%: " + pause.reason() + ". It keeps its traffic until this"
                        + " build runs canaryPromote (which carries it on to the next step, or with full: true promotes it"
                        + " now) or canaryShift again (which measures this step again), or canaryAbort ends it");
                return result(State.PAUSED, state.weight(), pause.reason());
            } else if (decision instanceof CanaryDecision.Promote promote) {
                return promoteNow(state, promote.summary());
            } else if (decision instanceof CanaryDecision.Abort abort) {
                log.line("Canary failed its analysis: " + abort.reason());
                new CanaryTeardown(new HelmClient(ports.runner(), ports.helm(), cluster), log, ports.clock()).backToStable(router,
                        stable.release(), stable.namespace(), CanaryRelease.nameFor(stable.release()), true, stable.timeout(),
                        "the analysis failed");
                return result(State.ABORTED, 0, abort.reason());
            }
        }
    }

    /**
     * A person let a paused step go (Argo Rollouts' {@code promote}): its pause and what is left of its analysis are
     * skipped, and the canary goes on to the next step with its pause and analysis, or is promoted after the last.
     */
    CanaryShiftResult pastThePause(RouteState paused) throws InterruptedException {
        CanaryPlan plan = record.plan();
        if (plan.isLast(paused.step())) {
            return promoteNow(paused, "let go by canaryPromote at the last step (" + paused.weight() + "%)");
        }
        int next = paused.step() + 1;
        log.line("canaryPromote lets step " + (paused.step() + 1) + " of " + plan.steps().size() + " (" + paused.weight()
                + "%) go: on to step " + (next + 1) + " at " + plan.step(next).weight() + "% with its pause and analysis");
        return from(paused.at(plan.step(next).weight(), next));
    }

    /** Promotes the canary where it stands (canaryPromote with {@code full}, or the last step passed). */
    CanaryShiftResult promoteNow(RouteState state, String reason) throws InterruptedException {
        CanaryPromotion.promote(ports, cluster, record.promotion(), promotionSource, deploys, stable, router, state);
        return result(State.PROMOTED, 0, reason);
    }

    private StepProgress setWeight(RouteState state) throws InterruptedException {
        long at = ports.clock().millis();
        RouteReading reached = router.setWeight(state);
        CanaryStep step = record.plan().step(state.step());
        log.line("Step " + (state.step() + 1) + " of " + record.plan().steps().size() + ": canary at " + reached.weight()
                + "% (asked " + state.weight() + "%), set in " + since(at) + "; holding " + step.pause().describe());
        return StepProgress.begin(state.step(), clock.now());
    }

    private List<Measurement> measure(List<MetricCheck> checks, int weight) throws InterruptedException {
        List<Measurement> round = new ArrayList<>();
        for (MetricCheck check : checks) {
            long at = ports.clock().millis();
            Measurement m = MeasurementJudge.judge(check, metrics.read(record.queries().get(check.name())),
                    record.plan().minRequests(), clock.now());
            log.line("Measured " + check.name() + " at weight " + weight + "%: " + m.phase().name().toLowerCase(Locale.ROOT)
                    + ", " + m.detail() + " (" + since(at) + ")");
            round.add(m);
        }
        return round;
    }

    private CanaryShiftResult result(State state, int weight, String reason) {
        long duration = ports.clock().millis() - started;
        log.line("Canary of " + stable.release() + " " + state.name().toLowerCase(Locale.ROOT) + " after "
                + Durations.human(Duration.ofMillis(duration)) + ": " + reason);
        return new CanaryShiftResult(stable.release(), CanaryRelease.nameFor(stable.release()), stable.namespace(), state,
                weight, reason, taken, duration);
    }

    private String since(long startedMillis) {
        return Durations.human(Duration.ofMillis(ports.clock().millis() - startedMillis));
    }
}
