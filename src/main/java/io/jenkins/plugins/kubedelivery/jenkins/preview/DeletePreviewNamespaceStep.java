package io.jenkins.plugins.kubedelivery.jenkins.preview;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.orDefault;

import hudson.EnvVars;
import hudson.Extension;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.preview.PreviewRequest;
import io.jenkins.plugins.kubedelivery.jenkins.AbstractClusterStep;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterStepDescriptor;
import io.jenkins.plugins.kubedelivery.jenkins.StepErrors;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code deletePreviewNamespace}: removes a pull request's preview namespace through the engine's
 * {@code DeletePreviewNamespace}, which refuses a namespace the plugin does not own or that belongs to
 * another pull request. The namespace is named by {@code namespace}, or derived from {@code pr}
 * and {@code repository} (by default from the build's environment) with {@code namePattern}.
 */
public final class DeletePreviewNamespaceStep extends AbstractClusterStep {
    public static final String FUNCTION_NAME = "deletePreviewNamespace";

    private String pr;
    private String repository;
    private String namespace;
    private String namePattern = PreviewRequest.DEFAULT_NAME_PATTERN;
    private boolean wait;

    @DataBoundConstructor
    public DeletePreviewNamespaceStep() {}

    @Override
    public StepExecution start(StepContext context) throws Exception {
        DeletePreviewParameters parameters;
        try {
            parameters = DeletePreviewParameters.of(this, PullRequestEnvironment.from(context.get(EnvVars.class)));
        } catch (EngineException e) {
            throw StepErrors.toAbort(FUNCTION_NAME, e, null);
        }
        return new DeletePreviewNamespaceStepExecution(context, parameters);
    }

    public String getPr() { return pr; }
    public String getRepository() { return repository; }
    public String getNamespace() { return namespace; }
    public String getNamePattern() { return namePattern; }
    public boolean isWait() { return wait; }

    @DataBoundSetter public void setPr(String pr) { this.pr = optional(pr); }
    @DataBoundSetter public void setRepository(String repository) { this.repository = optional(repository); }
    @DataBoundSetter public void setNamespace(String namespace) { this.namespace = optional(namespace); }
    @DataBoundSetter public void setNamePattern(String namePattern) {
        this.namePattern = orDefault(namePattern, PreviewRequest.DEFAULT_NAME_PATTERN);
    }
    @DataBoundSetter public void setWait(boolean wait) { this.wait = wait; }

    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends ClusterStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Delete the pull request's preview namespace");
        }
    }
}
