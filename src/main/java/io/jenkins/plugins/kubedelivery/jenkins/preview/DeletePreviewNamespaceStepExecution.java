package io.jenkins.plugins.kubedelivery.jenkins.preview;

import io.jenkins.plugins.kubedelivery.engine.preview.DeletePreviewNamespace;
import io.jenkins.plugins.kubedelivery.engine.preview.DeletePreviewRequest;
import io.jenkins.plugins.kubedelivery.engine.preview.DeletePreviewResult;
import io.jenkins.plugins.kubedelivery.jenkins.BackgroundStepExecution;
import io.jenkins.plugins.kubedelivery.jenkins.DurationText;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code deletePreviewNamespace}. A refused deletion (not the plugin's, or another pull
 * request's) is an engine error, which fails the step with the engine's message.
 */
final class DeletePreviewNamespaceStepExecution extends BackgroundStepExecution {
    private static final long serialVersionUID = 1L;

    private final DeletePreviewParameters parameters;

    DeletePreviewNamespaceStepExecution(StepContext context, DeletePreviewParameters parameters) {
        super(context, DeletePreviewNamespaceStep.FUNCTION_NAME);
        this.parameters = parameters;
    }

    @Override
    protected Object work() throws Exception {
        try (EngineSession session = EngineSession.open(getContext(), parameters.clusterAccess(), secretMask())) {
            long started = System.nanoTime();
            DeletePreviewResult result = new DeletePreviewNamespace(session.ports(), session.cluster())
                    .run(new DeletePreviewRequest(parameters.pr(), parameters.repository(), parameters.namespace(),
                            parameters.namePattern(), parameters.waitForDeletion()));
            session.log().println(stepName() + ": namespace " + result.namespace()
                    + (result.deleted() ? " deleted" : " was already gone") + " after "
                    + DurationText.format(Duration.ofNanos(System.nanoTime() - started)));
            return result.toMap();
        }
    }

    @Override
    protected String resumeAdvice() {
        return "Run the step again for " + parameters.target() + ": a namespace that is already gone counts as deleted.";
    }
}
