package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.UseCase;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteReading;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import java.util.Map;

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
        Map<String, Object> plan = reading.recorded().map(this::plan).orElse(null);
        ports.log().line("Canary of " + names.release() + " in " + names.namespace() + ": " + canary.describe()
                + (canary.canaryLabels().isEmpty() ? ", no canary release" : ours ? ", release " + names.canaryRelease()
                        + " installed" : ", release " + names.canaryRelease() + " exists but is not the plugin's canary")
                + (reading.matchesRecord() ? "" : "; the weights differ from the record: someone changed them by hand"));
        return new CanaryStatusResult(names.release(), names.canaryRelease(), names.namespace(),
                reading.recorded().isPresent() || ours, reading.weight(), reading.recorded().map(RouteState::weight).orElse(null),
                reading.recorded().map(RouteState::step).orElse(null), reading.recorded().map(RouteState::build).orElse(null),
                ours, reading.matchesRecord(), reading.recorded().map(RouteState::paused).orElse(null), plan);
    }

    /** The recorded plan, logged; null (and said why) when there is none, or it is of another format. */
    private Map<String, Object> plan(RouteState state) {
        if (state.plan() == null) {
            ports.log().line("The canary carries no plan (it was started by a version of the plugin that did not record one)");
            return null;
        }
        try {
            CanaryRecord record = CanaryRecord.parse(state.plan(), state.toString());
            ports.log().line("Its plan: " + record.plan().describeSteps() + "; now at step " + (state.step() + 1) + " of "
                    + record.plan().steps().size() + (state.paused() ? ", paused for a person" : ""));
            return record.summary();
        } catch (EngineException unreadable) {
            ports.log().line("Its plan cannot be read: " + unreadable.getMessage());
            return null;
        }
    }
}
