package io.jenkins.plugins.kubedelivery.jenkins.preview;

import io.jenkins.plugins.kubedelivery.engine.preview.CreatePreviewNamespace;
import io.jenkins.plugins.kubedelivery.engine.preview.PreviewResult;
import io.jenkins.plugins.kubedelivery.jenkins.BackgroundStepExecution;
import io.jenkins.plugins.kubedelivery.jenkins.DurationText;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** Runs {@code createPreviewNamespace}: opens the ports, calls the engine, returns its result map. */
final class CreatePreviewNamespaceStepExecution extends BackgroundStepExecution {
    private static final long serialVersionUID = 1L;

    private final CreatePreviewParameters parameters;

    CreatePreviewNamespaceStepExecution(StepContext context, CreatePreviewParameters parameters) {
        super(context, CreatePreviewNamespaceStep.FUNCTION_NAME);
        this.parameters = parameters;
    }

    @Override
    protected Object work() throws Exception {
        try (EngineSession session = EngineSession.open(getContext(), parameters.clusterAccess(), secretMask())) {
            long started = System.nanoTime();
            PreviewResult result = new CreatePreviewNamespace(session.ports(), session.cluster()).run(parameters.toRequest());
            session.log().println(stepName() + ": namespace " + result.namespace() + (result.created() ? " created" : " renewed")
                    + ", expires " + result.expiresAt() + (result.url() == null ? "" : ", URL " + result.url())
                    + " after " + DurationText.format(Duration.ofNanos(System.nanoTime() - started)));
            return result.toMap();
        }
    }

    @Override
    protected String resumeAdvice() {
        return "Run the step again for " + parameters.target() + ": it renews what exists and creates what is missing.";
    }
}
