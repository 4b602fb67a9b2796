package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackService;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackResult;
import io.jenkins.plugins.kubedelivery.jenkins.BackgroundStepExecution;
import io.jenkins.plugins.kubedelivery.jenkins.DurationText;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** Runs {@code rollbackService}: opens the ports, calls the engine, returns its result map. */
final class RollbackServiceStepExecution extends BackgroundStepExecution {
    private static final long serialVersionUID = 1L;

    private final RollbackParameters parameters;

    RollbackServiceStepExecution(StepContext context, RollbackParameters parameters) {
        super(context, RollbackServiceStep.FUNCTION_NAME);
        this.parameters = parameters;
    }

    @Override
    protected Object work() throws Exception {
        try (EngineSession session = EngineSession.open(getContext(), parameters.clusterAccess(), secretMask())) {
            long started = System.nanoTime();
            session.log().println(stepName() + ": rolling back " + parameters.target());
            RollbackResult result = new RollbackService(session.ports(), session.cluster(), session.owner())
                    .run(parameters.toRequest());
            session.log().println(stepName() + ": release " + result.release() + " in namespace " + result.namespace()
                    + " runs revision " + result.toRevision() + " again (new revision " + result.revision() + ", was "
                    + result.fromRevision() + ") after " + DurationText.format(Duration.ofNanos(System.nanoTime() - started)));
            return result.toMap();
        }
    }

    @Override
    protected String resumeAdvice() {
        return "Check the release (helm history <release> -n <namespace>) for " + parameters.target()
                + " and run the step again; a release left in pending-rollback is recovered by running deployService"
                + " with recoverStuckRelease: true.";
    }
}
