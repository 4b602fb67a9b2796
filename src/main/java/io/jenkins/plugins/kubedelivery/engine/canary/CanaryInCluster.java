package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.deploy.ReleaseRecords;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteReading;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingObjects;
import io.jenkins.plugins.kubedelivery.engine.routing.TrafficRouter;
import java.util.Map;
import java.util.Optional;

/**
 * A service's canary as the cluster has it, for the companion steps: the names, the router over
 * its objects, what the router reads back, and the canary release's labels.
 *
 * @param canaryLabels the labels of release {@code <release>-canary}, empty when there is none
 */
record CanaryInCluster(CanaryTarget.Names names, HelmClient helm, TrafficRouter router, RouteReading reading,
        Optional<Map<String, String>> canaryLabels) {

    static CanaryInCluster read(EnginePorts ports, ClusterTarget cluster, RouterSpec routers, CanaryTarget target)
            throws InterruptedException {
        CanaryTarget.Names names = target.resolve();
        HelmClient helm = new HelmClient(ports.runner(), ports.helm(), cluster);
        KubectlClient kubectl = new KubectlClient(ports.runner(), ports.kubectl(), cluster);
        TrafficRouter router = routers.on(new RoutingObjects(kubectl, ports.staging(), ports.log()), ports.log(),
                names.namespace(), names.release(), names.canaryRelease());
        RouteReading reading = router.read();
        return new CanaryInCluster(names, helm, router, reading,
                ReleaseRecords.labels(helm, kubectl, names.canaryRelease(), names.namespace()));
    }

    /** Whether {@code <release>-canary} is the plugin's canary of this release. */
    boolean releaseIsOurs() {
        return canaryLabels.map(labels -> names.release().equals(labels.get(CanaryRelease.CANARY_OF))).orElse(false);
    }

    /** {@code recorded 25% for payments-canary at step 1 by <build>, routing objects at 25%}, for the log. */
    String describe() {
        return reading.recorded().map(state -> "recorded " + state + ", routing objects at " + reading.weight() + "%")
                .orElse("no recorded canary, routing objects at " + reading.weight() + "%");
    }
}
