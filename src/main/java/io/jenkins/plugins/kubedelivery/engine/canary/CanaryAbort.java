package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.UseCase;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteReading;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;

/**
 * The canaryAbort use case: whatever build started the canary (a paused one, or a leftover of a
 * killed build), all traffic goes back to stable, then the canary release is removed; the log says
 * whose canary it was. A release of the canary's name that the plugin did not label is refused
 * before anything changes; with no canary at all, nothing changes.
 */
public final class CanaryAbort implements UseCase<CanaryAbortRequest, CanaryAbortResult> {
    private final EnginePorts ports;
    private final ClusterTarget cluster;
    private final RouterSpec routers;

    public CanaryAbort(EnginePorts ports, ClusterTarget cluster, RouterSpec routers) {
        this.ports = ports;
        this.cluster = cluster;
        this.routers = routers;
    }

    /** @throws EngineException when traffic or the canary release could not be returned to a safe state */
    @Override
    public CanaryAbortResult run(CanaryAbortRequest request) throws InterruptedException {
        long started = ports.clock().millis();
        CanaryInCluster canary = CanaryInCluster.read(ports, cluster, routers, request.target());
        CanaryTarget.Names names = canary.names();
        RouteReading reading = canary.reading();
        CanaryRelease.requireOwnedOrAbsent(names.release(), canary.canaryLabels());
        boolean installed = canary.canaryLabels().isPresent();
        ports.log().line("Canary of " + names.release() + " in " + names.namespace() + ": " + canary.describe()
                + (installed ? ", release " + names.canaryRelease() + " installed" : ", no canary release"));
        boolean safe = new CanaryTeardown(canary.helm(), ports.log(), ports.clock()).backToStable(canary.router(),
                names.release(), names.namespace(), names.canaryRelease(), installed, request.timeout(), "canaryAbort was called").safe();
        if (!safe) {
            throw new EngineException("the canary of " + names.release() + " in " + names.namespace() + " could not be fully"
                    + " removed; the build log says what is left and how to remove it by hand");
        }
        return new CanaryAbortResult(names.release(), names.canaryRelease(), names.namespace(), reading.weight(),
                reading.recorded().map(RouteState::build).orElse(null), installed, ports.clock().millis() - started);
    }
}
