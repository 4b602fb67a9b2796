package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.StepCall;

/**
 * The call of a step that runs helm on releases. Its engine request is transient: a deploy's holds
 * secret values, which are never written with the build, and a helm cut off by a controller restart
 * leaves a release a person should look at, so such a call is not run again but fails with advice.
 *
 * @param <R> the engine's request
 */
abstract class ReleaseCall<R> implements StepCall {
    private static final long serialVersionUID = 1L;

    private final transient R request;
    private final ClusterAccess access;
    private final String target;

    ReleaseCall(R request, ClusterAccess access, String target) {
        this.request = request;
        this.access = access;
        this.target = target;
    }

    /** The request as the step built it; {@code null} after a restart, when the call is never run. */
    final R request() {
        return request;
    }

    @Override
    public final ClusterAccess clusterAccess() {
        return access;
    }

    @Override
    public final String target() {
        return target;
    }
}
