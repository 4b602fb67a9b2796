package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;

import hudson.Extension;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterStepDescriptor;
import io.jenkins.plugins.kubedelivery.jenkins.StepErrors;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code deployService}: {@code helm upgrade --install} of one service of the monorepo. Holds the
 * parameters as the user wrote them; conversion happens in {@link DeployParameters}, the work in
 * the engine's {@code DeployService}. The settings it shares with {@code deployServices} are in
 * {@link AbstractDeployStep}. Unset optional values follow the monorepo's conventions (README.md, step reference).
 */
public final class DeployServiceStep extends AbstractDeployStep {
    public static final String FUNCTION_NAME = "deployService";

    private final String service;
    private final String environment;
    private String release;
    private String chart;
    private String version;

    @DataBoundConstructor
    public DeployServiceStep(String service, String environment) {
        this.service = service;
        this.environment = environment;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        DeployParameters parameters;
        try {
            parameters = DeployParameters.of(this);
        } catch (EngineException e) {
            throw StepErrors.toAbort(FUNCTION_NAME, e, null);
        }
        return new DeployServiceStepExecution(context, parameters);
    }

    public String getService() { return service; }
    public String getEnvironment() { return environment; }
    public String getRelease() { return release; }
    public String getChart() { return chart; }
    public String getVersion() { return version; }

    @DataBoundSetter public void setRelease(String release) { this.release = optional(release); }
    @DataBoundSetter public void setChart(String chart) { this.chart = optional(chart); }
    @DataBoundSetter public void setVersion(String version) { this.version = optional(version); }

    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends ClusterStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Deploy a service of the monorepo with Helm");
        }
    }
}
