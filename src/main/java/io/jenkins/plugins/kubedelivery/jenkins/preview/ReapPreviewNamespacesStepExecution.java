package io.jenkins.plugins.kubedelivery.jenkins.preview;

import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapPreviewNamespaces;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapRequest;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapResult;
import io.jenkins.plugins.kubedelivery.jenkins.BackgroundStepExecution;
import io.jenkins.plugins.kubedelivery.jenkins.DurationText;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import java.time.Duration;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code reapPreviewNamespaces}. The engine attempts every deletion; afterwards, failed ones
 * fail the step (all of them named) unless {@code failOnError: false}, which returns them in the
 * result's {@code failed} map instead.
 */
final class ReapPreviewNamespacesStepExecution extends BackgroundStepExecution {
    private static final long serialVersionUID = 1L;

    private final ReapParameters parameters;

    ReapPreviewNamespacesStepExecution(StepContext context, ReapParameters parameters) {
        super(context, ReapPreviewNamespacesStep.FUNCTION_NAME);
        this.parameters = parameters;
    }

    @Override
    protected Object work() throws Exception {
        try (EngineSession session = EngineSession.open(getContext(), parameters.clusterAccess(), secretMask())) {
            long started = System.nanoTime();
            session.log().println(stepName() + ": " + (parameters.dryRun() ? "dry run, looking for " : "reaping ") + parameters.target());
            ReapResult result = new ReapPreviewNamespaces(session.ports(), session.cluster()).run(new ReapRequest(
                    parameters.openPullRequests(), parameters.repository(), parameters.dryRun(), parameters.parallelism()));
            session.log().println(stepName() + ": " + result.deleted().size() + (result.dryRun() ? " would be deleted" : " deleted")
                    + ", " + result.kept().size() + " kept, " + result.failed().size() + " failed after "
                    + DurationText.format(Duration.ofNanos(System.nanoTime() - started)));
            if (!result.failed().isEmpty() && parameters.failOnError()) {
                throw new AbortException(failureMessage(result));
            }
            return result.toMap();
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

    @Override
    protected String resumeAdvice() {
        return "Run the step again: it looks afresh for " + parameters.target() + ".";
    }
}
