package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.RollbackRequest;
import io.jenkins.plugins.kubedelivery.engine.model.RollbackResult;

/** The rollbackService use case: read the history, then one {@code helm rollback}. */
public final class RollbackService {
    private final EnginePorts ports;

    public RollbackService(EnginePorts ports) {
        this.ports = ports;
    }

    /**
     * @param owner who rolls back, for the waiting message of a concurrent deploy
     * @throws io.jenkins.plugins.kubedelivery.engine.EngineException with a one-line reason on failure
     */
    public RollbackResult rollback(RollbackRequest request, ClusterTarget cluster, String owner) throws InterruptedException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
