package io.jenkins.plugins.kubedelivery.jenkins.preview;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;

import hudson.Extension;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.jenkins.AbstractClusterStep;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterStepDescriptor;
import io.jenkins.plugins.kubedelivery.jenkins.StepErrors;
import java.util.List;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code reapPreviewNamespaces}, for a nightly job: deletes the preview namespaces that expired or
 * whose pull request is no longer open, through the engine's {@code ReapPreviewNamespaces}. Unlike the
 * other preview steps it takes no default from the build's environment: a nightly job is no pull
 * request build, and a guessed repository would quietly narrow what is reaped.
 */
public final class ReapPreviewNamespacesStep extends AbstractClusterStep {
    public static final String FUNCTION_NAME = "reapPreviewNamespaces";
    public static final int DEFAULT_PARALLELISM = 4;

    private List<Object> openPullRequests;
    private String repository;
    private boolean dryRun;
    private int parallelism = DEFAULT_PARALLELISM;
    private boolean failOnError = true;

    @DataBoundConstructor
    public ReapPreviewNamespacesStep() {}

    @Override
    public StepExecution start(StepContext context) throws Exception {
        ReapParameters parameters;
        try {
            parameters = ReapParameters.of(this);
        } catch (EngineException e) {
            throw StepErrors.toAbort(FUNCTION_NAME, e, null);
        }
        return new ReapPreviewNamespacesStepExecution(context, parameters);
    }

    public List<Object> getOpenPullRequests() { return openPullRequests; }
    public String getRepository() { return repository; }
    public boolean isDryRun() { return dryRun; }
    public int getParallelism() { return parallelism; }
    public boolean isFailOnError() { return failOnError; }

    /** Objects, because a Pipeline passes {@code [41, 42]} as integers; {@link ReapParameters} makes them text. */
    @DataBoundSetter public void setOpenPullRequests(List<Object> openPullRequests) { this.openPullRequests = openPullRequests; }
    @DataBoundSetter public void setRepository(String repository) { this.repository = optional(repository); }
    @DataBoundSetter public void setDryRun(boolean dryRun) { this.dryRun = dryRun; }
    @DataBoundSetter public void setParallelism(int parallelism) { this.parallelism = parallelism; }
    @DataBoundSetter public void setFailOnError(boolean failOnError) { this.failOnError = failOnError; }

    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends ClusterStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Delete expired preview namespaces and those of closed pull requests");
        }
    }
}
