package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteReading;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import java.util.LinkedHashMap;
import java.util.Map;

/** The canaryStatus use case: reads where a service's canary stands from the cluster; changes nothing. */
public final class CanaryStatus {
    private final EnginePorts ports;
    private final ClusterTarget cluster;
    private final RouterSpec routers;

    public CanaryStatus(EnginePorts ports, ClusterTarget cluster, RouterSpec routers) {
        this.ports = ports;
        this.cluster = cluster;
        this.routers = routers;
    }

    public Map<String, Object> read(CanaryTarget target) throws InterruptedException {
        CanaryInCluster canary = CanaryInCluster.read(ports, cluster, routers, target);
        CanaryTarget.Names names = canary.names();
        RouteReading reading = canary.reading();
        boolean ours = canary.releaseIsOurs();
        ports.log().line("Canary of " + names.release() + " in " + names.namespace() + ": " + canary.describe()
                + (canary.canaryLabels().isEmpty() ? ", no canary release" : ours ? ", release " + names.canaryRelease()
                        + " installed" : ", release " + names.canaryRelease() + " exists but is not the plugin's canary")
                + (reading.matchesRecord() ? "" : "; the weights differ from the record: someone changed them by hand"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("release", names.release());
        result.put("canaryRelease", names.canaryRelease());
        result.put("namespace", names.namespace());
        result.put("running", reading.recorded().isPresent() || ours);
        result.put("weight", reading.weight());
        result.put("recordedWeight", reading.recorded().map(RouteState::weight).orElse(null));
        result.put("step", reading.recorded().map(RouteState::step).orElse(null));
        result.put("build", reading.recorded().map(RouteState::build).orElse(null));
        result.put("canaryReleaseInstalled", ours);
        result.put("matchesRecord", reading.matchesRecord());
        return result;
    }
}
