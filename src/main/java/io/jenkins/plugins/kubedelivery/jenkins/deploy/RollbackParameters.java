package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.required;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackRequest;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.DurationText;
import java.io.Serializable;
import java.time.Duration;

/** The {@code rollbackService} parameters after conversion, serializable, and as the engine's request. */
final class RollbackParameters implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final String environment;
    private final String namespace;
    private final String release;
    private final int toRevision;
    private final Duration timeout;
    private final boolean waitForReady;
    private final ClusterAccess clusterAccess;

    private RollbackParameters(RollbackServiceStep step) {
        service = required("service", step.getService(), DeployParameters.SERVICE_EXAMPLE);
        environment = required("environment", step.getEnvironment(), DeployParameters.ENVIRONMENT_EXAMPLE);
        namespace = step.getNamespace();
        release = step.getRelease();
        toRevision = step.getToRevision();
        if (toRevision < 0) {
            throw new ValidationException("toRevision", toRevision + " is not a revision; give 0 (or leave it out) for"
                    + " the previous deployed revision, or a revision number from helm history");
        }
        timeout = DurationText.parse("timeout", step.getTimeout());
        waitForReady = step.isWait();
        clusterAccess = step.clusterAccess();
    }

    /** @throws ValidationException naming the parameter that cannot be converted */
    static RollbackParameters of(RollbackServiceStep step) {
        return new RollbackParameters(step);
    }

    RollbackRequest toRequest() {
        return new RollbackRequest(service, environment, namespace, release, toRevision, timeout, waitForReady);
    }

    ClusterAccess clusterAccess() {
        return clusterAccess;
    }

    String target() {
        return (release != null ? release : service) + " in "
                + (namespace != null ? "namespace " + namespace : "environment " + environment)
                + (toRevision > 0 ? " to revision " + toRevision : " to the previous deployed revision");
    }
}
