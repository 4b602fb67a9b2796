package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.UseCase;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryShiftResult.State;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployPlan;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployPlanner;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import java.util.List;

/**
 * The canaryPromote use case: promotes a paused canary now, skipping its remaining steps and
 * analysis (what Argo Rollouts' {@code promote --full} does): all traffic on the canary, the stable
 * release upgraded to the new version, traffic back on stable, the canary release removed, through
 * the same {@link CanaryPromotion} as canaryShift's own. Only the build that started the canary
 * (as recorded in the cluster) may promote it: another build's canary is refused before anything
 * changes, since this build's image tag may not be the one that canary runs.
 */
public final class CanaryPromote implements UseCase<CanaryPromoteRequest, CanaryShiftResult> {
    private final EnginePorts ports;
    private final ClusterTarget cluster;
    private final RouterSpec routers;

    public CanaryPromote(EnginePorts ports, ClusterTarget cluster, RouterSpec routers) {
        this.ports = ports;
        this.cluster = cluster;
        this.routers = routers;
    }

    /**
     * @throws EngineException when no canary of this build is running, or the promotion failed (then traffic is sent
     *     back to stable and the canary removed, as canaryShift does)
     */
    @Override
    public CanaryShiftResult run(CanaryPromoteRequest request) throws InterruptedException {
        long started = ports.clock().millis();
        DeployPlan stable = new DeployPlanner(ports.workspace()).plan(request.deploy());
        CanaryInCluster canary = CanaryInCluster.read(ports, cluster, routers, request.target());
        CanaryTarget.Names names = canary.names();
        CanaryRelease.requireOwnedOrAbsent(names.release(), canary.canaryLabels());
        RouteState state = canary.reading().recorded().orElseThrow(() -> new EngineException("no canary of " + names.release()
                + " is running in " + names.namespace() + " (" + canary.describe() + "), so there is nothing to promote;"
                + " start one with canaryShift"));
        if (!state.build().equals(request.build())) {
            throw new EngineException("the canary of " + names.release() + " in " + names.namespace() + " (" + state
                    + ") is not this build's, so it was left as it is: promote it from that build, or end it with canaryAbort");
        }
        if (!canary.releaseIsOurs()) {
            throw new EngineException("the canary of " + names.release() + " is recorded (" + state + ") but its release "
                    + names.canaryRelease() + " is gone, so there is nothing to promote; end it with canaryAbort");
        }
        ports.log().line("Canary of " + names.release() + " in " + names.namespace() + ": " + canary.describe()
                + "; promoting it now, skipping its remaining steps and analysis");
        try {
            CanaryPromotion.promote(ports, cluster, request.deploy(), request.build(), stable, canary.router(), state);
        } catch (InterruptedException stopped) {
            Thread.interrupted(); // the cleanup's commands must run; the interrupt is passed on below
            backToStable(canary, stable, "the build was stopped");
            throw stopped;
        } catch (RuntimeException failed) {
            backToStable(canary, stable, "of an error: " + failed.getMessage());
            throw failed;
        }
        String reason = "promoted by canaryPromote at step " + (state.step() + 1) + " (" + canary.reading().weight() + "%)";
        return new CanaryShiftResult(names.release(), names.canaryRelease(), names.namespace(), State.PROMOTED, 0, reason,
                List.of(), ports.clock().millis() - started);
    }

    private void backToStable(CanaryInCluster canary, DeployPlan stable, String because) throws InterruptedException {
        new CanaryTeardown(canary.helm(), ports.log(), ports.clock()).backToStable(canary.router(), stable.release(),
                stable.namespace(), canary.names().canaryRelease(), true, stable.timeout(), because);
    }
}
