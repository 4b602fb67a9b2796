package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.orDefault;

import hudson.Extension;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.jenkins.AbstractClusterStep;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterStepDescriptor;
import io.jenkins.plugins.kubedelivery.jenkins.StepErrors;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code rollbackService}: returns a service's release to an earlier revision (by default the
 * previous deployed one) with one {@code helm rollback}, through the engine's {@code RollbackService}.
 */
public final class RollbackServiceStep extends AbstractClusterStep {
    public static final String FUNCTION_NAME = "rollbackService";

    private final String service;
    private final String environment;
    private String namespace;
    private String release;
    private int toRevision;
    private String timeout = AbstractDeployStep.DEFAULT_TIMEOUT;
    private boolean wait = true;

    @DataBoundConstructor
    public RollbackServiceStep(String service, String environment) {
        this.service = service;
        this.environment = environment;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        RollbackParameters parameters;
        try {
            parameters = RollbackParameters.of(this);
        } catch (EngineException e) {
            throw StepErrors.toAbort(FUNCTION_NAME, e, null);
        }
        return new RollbackServiceStepExecution(context, parameters);
    }

    public String getService() { return service; }
    public String getEnvironment() { return environment; }
    public String getNamespace() { return namespace; }
    public String getRelease() { return release; }
    public int getToRevision() { return toRevision; }
    public String getTimeout() { return timeout; }
    public boolean isWait() { return wait; }

    @DataBoundSetter public void setNamespace(String namespace) { this.namespace = optional(namespace); }
    @DataBoundSetter public void setRelease(String release) { this.release = optional(release); }
    @DataBoundSetter public void setToRevision(int toRevision) { this.toRevision = toRevision; }
    @DataBoundSetter public void setTimeout(String timeout) {
        this.timeout = orDefault(timeout, AbstractDeployStep.DEFAULT_TIMEOUT);
    }
    @DataBoundSetter public void setWait(boolean wait) { this.wait = wait; }

    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends ClusterStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Roll a service's Helm release back to an earlier revision");
        }
    }
}
