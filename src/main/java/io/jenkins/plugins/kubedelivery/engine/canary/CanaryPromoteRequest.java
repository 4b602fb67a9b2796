package io.jenkins.plugins.kubedelivery.engine.canary;

import java.io.Serializable;
import java.time.Duration;

/**
 * What {@code canaryPromote} was asked. The rest (the plan, the checks, the chart and values to promote) is read back
 * from the cluster, where canaryShift recorded it.
 *
 * @param target whose canary
 * @param timeout how long each helm command of the promotion may take
 * @param imageTag deprecated, {@code null} when not given: the promotion upgrades stable with the canary release's own
 *     values; when given, it must be the canary's image tag, or the promotion is refused
 * @param full whether to promote now, skipping the remaining steps and analysis (Argo Rollouts' {@code promote --full});
 *     otherwise the canary goes on past its pause to the next steps (Argo Rollouts' {@code promote})
 * @param build who promotes: only the build that started the canary may promote it
 */
public record CanaryPromoteRequest(CanaryTarget target, Duration timeout, String imageTag, boolean full, String build)
        implements Serializable {
    private static final long serialVersionUID = 2L;

    public CanaryPromoteRequest {
        if (build == null || build.isBlank()) {
            throw new IllegalArgumentException("a promotion needs the build that runs it");
        }
    }
}
