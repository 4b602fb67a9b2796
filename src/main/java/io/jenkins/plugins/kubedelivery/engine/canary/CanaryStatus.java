package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.UseCase;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteReading;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;

/** The canaryStatus use case: reads where a service's canary stands from the cluster; changes nothing. */
public final class CanaryStatus implements UseCase<CanaryTarget, CanaryStatusResult> {
    private final EnginePorts ports;
    private final ClusterTarget cluster;
    private final RouterSpec routers;

    public CanaryStatus(EnginePorts ports, ClusterTarget cluster, RouterSpec routers) {
        this.ports = ports;
        this.cluster = cluster;
        this.routers = routers;
    }

    @Override
    public CanaryStatusResult run(CanaryTarget target) throws InterruptedException {
        CanaryInCluster canary = CanaryInCluster.read(ports, cluster, routers, target);
        CanaryTarget.Names names = canary.names();
        RouteReading reading = canary.reading();
        boolean ours = canary.releaseIsOurs();
        ports.log().line("Canary of " + names.release() + " in " + names.namespace() + ": " + canary.describe()
                + (canary.canaryLabels().isEmpty() ? ", no canary release" : ours ? ", release " + names.canaryRelease()
                        + " installed" : ", release " + names.canaryRelease() + " exists but is not the plugin's canary")
                + (reading.matchesRecord() ? "" : "; the weights differ from the record: someone changed them by hand"));
        return new CanaryStatusResult(names.release(), names.canaryRelease(), names.namespace(),
                reading.recorded().isPresent() || ours, reading.weight(), reading.recorded().map(RouteState::weight).orElse(null),
                reading.recorded().map(RouteState::step).orElse(null), reading.recorded().map(RouteState::build).orElse(null),
                ours, reading.matchesRecord());
    }
}
