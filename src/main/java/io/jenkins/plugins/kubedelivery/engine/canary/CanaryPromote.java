package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.UseCase;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricProvider;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricSource;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployPlan;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployPlanner;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import java.util.Map;

/**
 * The canaryPromote use case, on this build's canary as the cluster records it (its state and its {@link CanaryRecord}):
 * <ul>
 * <li>by default as Argo Rollouts' {@code promote}: a paused step is let go, and the canary goes on to its next steps
 *     with their pauses and analysis through the same {@link CanaryProgression} as canaryShift, until it pauses again,
 *     is promoted or is aborted; a step that was still running (its execution died) is run again, as canaryShift does;
 * <li>with {@code full} as {@code promote --full}: promoted now, skipping the remaining steps and analysis.
 * </ul>
 * Either way stable is upgraded with the canary release's own chart and values. Only the build that started the canary
 * may promote it: another build's canary is refused before anything changes.
 */
public final class CanaryPromote implements UseCase<CanaryPromoteRequest, CanaryShiftResult> {
    private final EnginePorts ports;
    private final EngineLog log;
    private final ClusterTarget cluster;
    private final RouterSpec routers;
    private final MetricSource.Opener metrics;
    private final CanaryClock clock;

    /** @param metrics opens the source the canary recorded, for the steps it still has to measure */
    public CanaryPromote(EnginePorts ports, ClusterTarget cluster, RouterSpec routers, MetricSource.Opener metrics,
            CanaryClock clock) {
        this.ports = ports;
        this.log = ports.log();
        this.cluster = cluster;
        this.routers = routers;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @throws EngineException when no canary of this build is running, or carrying it on or promoting it failed (then
     *     traffic is sent back to stable and the canary removed, as canaryShift does)
     * @throws InterruptedException when the build was stopped; traffic is back on stable and the canary removed
     */
    @Override
    public CanaryShiftResult run(CanaryPromoteRequest request) throws InterruptedException {
        long started = ports.clock().millis();
        CanaryTarget.Names names = request.target().resolve();
        if (request.imageTag() != null) {
            DeployPlanner.requireImageTag(request.imageTag());
        }
        CanaryInCluster canary = CanaryInCluster.read(ports, cluster, routers, request.target());
        CanaryRelease.requireOwnedOrAbsent(names.release(), canary.canaryLabels());
        RouteState state = canary.reading().recorded().orElseThrow(() -> new EngineException("no canary of " + names.release()
                + " is running in " + names.namespace() + " (" + canary.describe() + "), so there is nothing to promote;"
                + " start one with canaryShift (if a canaryPromote of this build was cut off by a restart, it may have"
                + " promoted it already: helm history " + names.release() + " -n " + names.namespace() + " shows it)"));
        if (!state.build().equals(request.build())) {
            throw new EngineException("the canary of " + names.release() + " in " + names.namespace() + " (" + state
                    + ") is not this build's, so it was left as it is: promote it from that build, or end it with canaryAbort");
        }
        if (!canary.releaseIsOurs()) {
            throw new EngineException("the canary of " + names.release() + " is recorded (" + state + ") but its release "
                    + names.canaryRelease() + " is gone, so there is nothing to promote; end it with canaryAbort");
        }
        CanaryRecord record = recordOf(state);
        requireSameImage(request.imageTag(), record.promotion());
        DeployPlan stable = stablePlan(request, names, record.promotion());
        MetricProvider provider = request.full() ? MetricProvider.NONE : openMetrics(record);
        log.line("Canary of " + names.release() + " in " + names.namespace() + ": " + canary.describe() + (request.full()
                ? "; promoting it now, skipping its remaining steps and analysis" : "; carrying it on"));
        CanaryProgression progression = new CanaryProgression(ports, cluster, provider, clock, stable, canary.router(), record,
                new DeployService(ports, cluster, request.build()), new CanaryPromotion.ReadBack(Map.of()), started);
        try {
            if (request.full()) {
                return progression.promoteNow(state, "promoted by canaryPromote at step " + (state.step() + 1) + " ("
                        + canary.reading().weight() + "%)");
            }
            if (state.paused()) {
                return progression.pastThePause(state);
            }
            log.line("Resuming this build's canary from the cluster: " + state + " was not paused, so step "
                    + (state.step() + 1) + " is run again");
            return progression.from(state);
        } catch (InterruptedException stopped) {
            Thread.interrupted(); // the cleanup's commands must run; the interrupt is passed on below
            backToStable(canary, stable, "the build was stopped");
            throw stopped;
        } catch (RuntimeException failed) {
            backToStable(canary, stable, "of an error: " + failed.getMessage());
            throw failed;
        }
    }

    private static CanaryRecord recordOf(RouteState state) {
        if (state.plan() == null) {
            throw new EngineException("the canary (" + state + ") carries no plan: it was started by a version of the plugin"
                    + " that did not record one, so canaryPromote cannot tell how to go on or what to promote; end it with"
                    + " canaryAbort and run canaryShift again");
        }
        return CanaryRecord.parse(state.plan(), state.toString());
    }

    /** The deprecated imageTag may only repeat what the canary runs: promoting another image would skip its measurement. */
    private void requireSameImage(String imageTag, CanaryRecord.Promotion promotion) {
        if (imageTag == null) {
            return;
        }
        if (!imageTag.equals(promotion.imageTag())) {
            throw new ValidationException("imageTag", "'" + imageTag + "' is not the image tag the canary runs ("
                    + promotion.imageTag() + "): canaryPromote promotes what was measured, the canary release's own values;"
                    + " leave imageTag out (it is deprecated)");
        }
        log.line("imageTag is deprecated for canaryPromote and may be left out: stable is upgraded with the canary release's"
                + " own values, image tag " + imageTag + " included");
    }

    /** Stable's names, chart and timeout, checked before anything changes. */
    private DeployPlan stablePlan(CanaryPromoteRequest request, CanaryTarget.Names names, CanaryRecord.Promotion promotion)
            throws InterruptedException {
        return new DeployPlanner(ports.workspace()).plan(DeployRequest.builder(request.target().service(),
                        request.target().environment())
                .namespace(names.namespace())
                .release(names.release())
                .chart(promotion.chart())
                .chartVersion(promotion.chartVersion())
                .valuesSuffix(promotion.valuesSuffix())
                .timeout(request.timeout())
                .build());
    }

    /** The recorded metric source, when steps with checks are still to come; refused while it does not answer. */
    private MetricProvider openMetrics(CanaryRecord record) throws InterruptedException {
        if (record.plan().checks().isEmpty()) {
            return MetricProvider.NONE;
        }
        MetricProvider provider = metrics.open(record.metrics());
        String unavailable = provider.unavailableReason();
        if (unavailable != null) {
            throw new EngineException("the canary's metric source (" + record.metrics().prometheusUrl() + ") does not answer ("
                    + unavailable + "), so its next steps could not be checked; nothing changed: try again, promote it"
                    + " with full: true, or end it with canaryAbort");
        }
        return provider;
    }

    private void backToStable(CanaryInCluster canary, DeployPlan stable, String because) throws InterruptedException {
        new CanaryTeardown(canary.helm(), log, ports.clock()).backToStable(canary.router(), stable.release(),
                stable.namespace(), canary.names().canaryRelease(), true, stable.timeout(), because);
    }
}
