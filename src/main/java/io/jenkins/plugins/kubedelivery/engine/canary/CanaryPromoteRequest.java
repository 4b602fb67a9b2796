package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import java.io.Serializable;

/**
 * What {@code canaryPromote} was asked.
 *
 * @param deploy the canary's new version as a deploy of the stable release (service, environment, imageTag): the
 *     stable release is upgraded with it, as canaryShift's own promotion does
 * @param build who promotes: only the build that started the canary may promote it
 */
public record CanaryPromoteRequest(DeployRequest deploy, String build) implements Serializable {
    private static final long serialVersionUID = 1L;

    public CanaryPromoteRequest {
        if (build == null || build.isBlank()) {
            throw new IllegalArgumentException("a promotion needs the build that runs it");
        }
    }

    /** Whose canary: the same names the deploy resolves to. */
    public CanaryTarget target() {
        return new CanaryTarget(deploy.service(), deploy.environment(), deploy.namespace(), deploy.release());
    }
}
