package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import io.jenkins.plugins.kubedelivery.engine.monorepo.CatalogSettings;
import io.jenkins.plugins.kubedelivery.engine.monorepo.DeliveryCatalog;
import io.jenkins.plugins.kubedelivery.engine.monorepo.SettingsChoice;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.DeliveryYaml;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import io.jenkins.plugins.kubedelivery.jenkins.StepCall;

/**
 * The call of a step that runs helm on releases. Its engine request is transient: a deploy's holds
 * secret values, which are never written with the build, and a helm cut off by a controller restart
 * leaves a release a person should look at, so such a call is not run again but fails with advice.
 *
 * <p>Before the cluster is opened it reads the workspace's {@code delivery.yaml}, if there is one, and
 * takes from it what the step's parameters left unset ({@link #resolved}); without the file the call
 * is run as the step built it.
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

    /** On the agent, before any command: delivery.yaml's values for what the step was not given, said in the log. */
    @Override
    public final StepCall resolved(EngineSession session) throws Exception {
        return DeliveryYaml.resolve(session, this, this::withCatalogue);
    }

    /** This call with {@code delivery.yaml}'s values, picked through {@code choice}, for what the step was not given. */
    protected abstract StepCall withCatalogue(DeliveryCatalog catalog, SettingsChoice choice);

    /** The cluster access, from {@code delivery.yaml}'s environment when the step chose none ({@link DeliveryYaml#access}). */
    protected final ClusterAccess accessWith(CatalogSettings settings, SettingsChoice choice) {
        return DeliveryYaml.access(access, settings, choice);
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
