package io.jenkins.plugins.kubedelivery.jenkins.canary;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.required;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryTarget;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import io.jenkins.plugins.kubedelivery.jenkins.AbstractClusterStep;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.DeliveryYaml;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import io.jenkins.plugins.kubedelivery.jenkins.StepCall;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What the companion steps of {@code canaryShift} share ({@code canaryStatus}, {@code canaryPromote}, {@code canaryAbort}):
 * which service's canary, and the router that carries it, each from {@code delivery.yaml} where the step
 * does not give it; their help is in this class's resource folder. Public because structs binds the inherited setters by reflection.
 */
public abstract class AbstractCanaryControlStep extends AbstractClusterStep {
    private final String service;
    private final String environment;
    private String namespace;
    private String release;
    private CanaryRouter router;

    protected AbstractCanaryControlStep(String service, String environment) {
        this.service = service;
        this.environment = environment;
    }

    public String getService() { return service; }
    public String getEnvironment() { return environment; }
    public String getNamespace() { return namespace; }
    public String getRelease() { return release; }
    public CanaryRouter getRouter() { return router; }

    @DataBoundSetter public void setNamespace(String namespace) { this.namespace = optional(namespace); }
    @DataBoundSetter public void setRelease(String release) { this.release = optional(release); }
    @DataBoundSetter public void setRouter(CanaryRouter router) { this.router = router; }

    /** @throws ValidationException naming the parameter */
    protected final CanaryTarget target() {
        CanaryTarget target = new CanaryTarget(required("service", service, "the service's folder in the monorepo, e.g. payments"),
                required("environment", environment, "e.g. prod"), namespace, release);
        target.resolve();
        return target;
    }

    /**
     * The router the step names, or {@code null} when it names none: then {@code delivery.yaml}'s is taken
     * when the call is resolved ({@link #resolved}), which refuses a call that has neither.
     *
     * @throws ValidationException naming {@code router}
     */
    protected final RouterSpec routerSpec() {
        return router == null ? null : router.spec();
    }

    /** A companion step's call with another target, router and cluster access: the ones {@code delivery.yaml} completed. */
    @FunctionalInterface
    protected interface Completed {
        StepCall with(CanaryTarget target, RouterSpec router, ClusterAccess access);
    }

    /**
     * The companion steps' {@link StepCall#resolved}: namespace, release, cluster access and router from
     * {@code delivery.yaml} for what the step did not give, as canaryShift and deployService take them.
     *
     * @throws ValidationException naming {@code router} when neither the step nor the file gives one
     */
    protected static StepCall resolved(EngineSession session, StepCall call, CanaryTarget given, RouterSpec router,
            Completed completed) throws Exception {
        StepCall filled = DeliveryYaml.resolve(session, call, (catalog, choice) -> {
            CanaryCatalogue file = new CanaryCatalogue(catalog, given.service(), given.environment(), choice);
            ClusterAccess access = file.access(call.clusterAccess());
            CanaryTarget target = file.target(given);
            return completed.with(target, file.router(router, target.release()), access);
        });
        if (filled == call) {
            CanaryCatalogue.requireRouter(router);
        }
        return filled;
    }

    /** {@code payments in environment prod}, as the build log names the target. */
    protected final String describeTarget() {
        return (release != null ? release : service) + (namespace != null ? " in namespace " + namespace : " in environment " + environment);
    }
}
