package io.jenkins.plugins.kubedelivery.jenkins.preview;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;

import hudson.AbortException;
import hudson.Extension;
import io.jenkins.plugins.kubedelivery.engine.BoundedParallel;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapPreviewNamespaces;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapRequest;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapResult;
import io.jenkins.plugins.kubedelivery.jenkins.AbstractClusterStep;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterStepDescriptor;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import io.jenkins.plugins.kubedelivery.jenkins.PlainValues;
import io.jenkins.plugins.kubedelivery.jenkins.StepCall;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
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
    private static final int DEFAULT_PARALLELISM = 4;

    private List<Object> openPullRequests;
    private String repository;
    private boolean dryRun;
    private int parallelism = DEFAULT_PARALLELISM;
    private boolean failOnError = true;

    @DataBoundConstructor
    public ReapPreviewNamespacesStep() {}

    public List<Object> getOpenPullRequests() { return openPullRequests; }
    public String getRepository() { return repository; }
    public boolean isDryRun() { return dryRun; }
    public int getParallelism() { return parallelism; }
    public boolean isFailOnError() { return failOnError; }

    /** Objects, because a Pipeline passes {@code [41, 42]} as integers; {@link #toRequest} makes them text. */
    @DataBoundSetter public void setOpenPullRequests(List<Object> openPullRequests) { this.openPullRequests = openPullRequests; }
    @DataBoundSetter public void setRepository(String repository) { this.repository = optional(repository); }
    @DataBoundSetter public void setDryRun(boolean dryRun) { this.dryRun = dryRun; }
    @DataBoundSetter public void setParallelism(int parallelism) { this.parallelism = parallelism; }
    @DataBoundSetter public void setFailOnError(boolean failOnError) { this.failOnError = failOnError; }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    /**
     * What to reap. {@code openPullRequests} keeps the difference the engine relies on: not given
     * ({@code null}) reaps by expiry alone, while an empty list says no pull request is open, so
     * every preview of the repository goes. {@code parallelism} is checked here, not only by the
     * engine, which would see it after its list call.
     *
     * @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming the parameter that cannot be converted
     */
    ReapRequest toRequest() {
        return new ReapRequest(PlainValues.copyIds("openPullRequests", openPullRequests), repository, dryRun,
                BoundedParallel.requireParallelism(parallelism));
    }

    @Override
    protected StepCall call(StepContext context) {
        return new Call(toRequest(), failOnError, clusterAccess());
    }

    /**
     * Resumable: the reaper lists the previews afresh and deletes each with preconditions on what it
     * listed. The engine attempts every deletion; afterwards, failed ones fail the step (all of them
     * named) unless {@code failOnError: false}, which returns them in the result's {@code failed} map.
     */
    private record Call(ReapRequest request, boolean failOnError, ClusterAccess clusterAccess) implements StepCall {
        @Override
        public Object run(EngineSession session) throws Exception {
            ReapResult result = new ReapPreviewNamespaces(session.ports(), session.cluster()).run(request);
            if (!result.failed().isEmpty() && failOnError) {
                throw new AbortException(failureMessage(result));
            }
            return result.toMap();
        }

        @Override
        public String target() {
            return "the previews of " + (request.repository() == null ? "every repository" : request.repository())
                    + (request.openPullRequests() == null ? " that expired"
                            : " that expired or whose PR is not in " + request.openPullRequests());
        }

        @Override
        public boolean resumable() {
            return true;
        }
    }

    static String failureMessage(ReapResult result) {
        String failures = result.failed().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
        return "could not delete " + result.failed().size() + " of " + (result.failed().size() + result.deleted().size())
                + " preview namespaces (" + result.deleted().size() + " deleted" + (result.deleted().isEmpty() ? "" : ": "
                + String.join(", ", result.deleted())) + "): " + failures + ". Use failOnError: false to report failures"
                + " in the result instead of failing the build";
    }

    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends ClusterStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Delete expired preview namespaces and those of closed pull requests");
        }
    }
}
