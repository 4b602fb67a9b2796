package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;

import hudson.Extension;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployServices;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterStepDescriptor;
import io.jenkins.plugins.kubedelivery.jenkins.StepErrors;
import java.util.List;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code deployServices}: several services of the monorepo deployed at once (at most
 * {@code parallelism} at a time) with the same settings, each to its own release and chart by
 * convention, through the engine's {@code DeployServices}. The usual caller is a pull request
 * build deploying the changed services into its preview namespace.
 */
public final class DeployServicesStep extends AbstractDeployStep {
    public static final String FUNCTION_NAME = "deployServices";

    private final List<String> services;
    private final String environment;
    private int parallelism = DeployServices.DEFAULT_PARALLELISM;
    private String fallbackValuesEnvironment;

    @DataBoundConstructor
    public DeployServicesStep(List<String> services, String environment) {
        this.services = services;
        this.environment = environment;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        DeployServicesParameters parameters;
        try {
            parameters = DeployServicesParameters.of(this);
        } catch (EngineException e) {
            throw StepErrors.toAbort(FUNCTION_NAME, e, null);
        }
        return new DeployServicesStepExecution(context, parameters);
    }

    public List<String> getServices() { return services; }
    public String getEnvironment() { return environment; }
    public int getParallelism() { return parallelism; }
    public String getFallbackValuesEnvironment() { return fallbackValuesEnvironment; }

    @DataBoundSetter public void setParallelism(int parallelism) { this.parallelism = parallelism; }
    @DataBoundSetter public void setFallbackValuesEnvironment(String environment) {
        this.fallbackValuesEnvironment = optional(environment);
    }

    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends ClusterStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Deploy several services of the monorepo with Helm, in parallel");
        }
    }
}
