package io.jenkins.plugins.kubedelivery.jenkins.canary;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.required;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryTarget;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import io.jenkins.plugins.kubedelivery.jenkins.AbstractClusterStep;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What the companion steps of {@code canaryShift} share ({@code canaryStatus}, {@code canaryPromote}, {@code canaryAbort}):
 * which service's canary, and the router that carries it; their help is in this class's resource
 * folder. Public because structs binds the inherited setters by reflection.
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

    /** @throws ValidationException naming {@code router} */
    protected final RouterSpec routerSpec() {
        if (router == null) {
            throw new ValidationException("router", "is required, the same as the canaryShift's: nginx(ingress: 'payments'),"
                    + " gatewayApi(route: 'payments'), istio(virtualService: 'payments') or replicas()");
        }
        return router.spec();
    }

    /** {@code payments in environment prod}, as the build log names the target. */
    protected final String describeTarget() {
        return (release != null ? release : service) + (namespace != null ? " in namespace " + namespace : " in environment " + environment);
    }
}
