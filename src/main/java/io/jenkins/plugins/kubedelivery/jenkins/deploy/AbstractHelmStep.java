package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.orDefault;

import io.jenkins.plugins.kubedelivery.jenkins.AbstractClusterStep;
import io.jenkins.plugins.kubedelivery.jenkins.DurationText;
import java.time.Duration;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every step that runs helm on a release shares ({@code deployService}, {@code deployServices},
 * {@code rollbackService}): the namespace, helm's timeout and whether to wait for readiness. Their
 * help is in this class's resource folder. Public because structs binds the inherited setters by
 * reflection.
 */
public abstract class AbstractHelmStep extends AbstractClusterStep {
    /** The engine's default, as a step parameter writes it. */

    static final String SERVICE_EXAMPLE = "the service's folder in the monorepo, e.g. payments";
    static final String ENVIRONMENT_EXAMPLE = "e.g. stage, prod or preview";

    private String namespace;
    private String timeout = DEFAULT_HELM_TIMEOUT;
    private boolean wait = true;

    public String getNamespace() { return namespace; }
    public String getTimeout() { return timeout; }
    public boolean isWait() { return wait; }

    @DataBoundSetter public void setNamespace(String namespace) { this.namespace = optional(namespace); }
    @DataBoundSetter public void setTimeout(String timeout) { this.timeout = orDefault(timeout, DEFAULT_HELM_TIMEOUT); }
    @DataBoundSetter public void setWait(boolean wait) { this.wait = wait; }

    /** @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming {@code timeout} */
    protected final Duration timeoutDuration() {
        return DurationText.parse("timeout", timeout);
    }

    /** The target as the build log names it before the engine resolves the conventions: {@code payments in environment stage}. */
    protected final String where(String environment) {
        return namespace != null ? "namespace " + namespace : "environment " + environment;
    }
}
