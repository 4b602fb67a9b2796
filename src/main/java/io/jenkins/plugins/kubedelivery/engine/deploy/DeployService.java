package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.model.DeployResult;

/** The deployService use case: {@code helm upgrade --install} of one service of the monorepo. */
public final class DeployService {
    private final EnginePorts ports;

    public DeployService(EnginePorts ports) {
        this.ports = ports;
    }

    /**
     * Validates the request (before any command), waits for any other deploy of the same release
     * in this JVM, reads the release state, recovers or reports a stuck release, and upgrades.
     *
     * @param owner who deploys, for the waiting message of a concurrent deploy (e.g. the build's name)
     * @throws io.jenkins.plugins.kubedelivery.engine.EngineException with a one-line reason on failure
     * @throws InterruptedException when aborted; the release has been left in a safe state first
     */
    public DeployResult deploy(DeployRequest request, ClusterTarget cluster, String owner) throws InterruptedException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
