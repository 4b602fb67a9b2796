package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployResult;
import io.jenkins.plugins.kubedelivery.jenkins.BackgroundStepExecution;
import io.jenkins.plugins.kubedelivery.jenkins.DurationText;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** Runs {@code deployService}: opens the ports, calls the engine, returns its result map. */
final class DeployServiceStepExecution extends BackgroundStepExecution {
    private static final long serialVersionUID = 1L;

    private final DeployParameters parameters;

    DeployServiceStepExecution(StepContext context, DeployParameters parameters) {
        super(context, DeployServiceStep.FUNCTION_NAME);
        this.parameters = parameters;
    }

    @Override
    protected Object work() throws Exception {
        try (EngineSession session = EngineSession.open(getContext(), parameters.clusterAccess(), secretMask())) {
            long started = System.nanoTime();
            session.log().println(stepName() + ": " + (parameters.dryRun() ? "dry run of " : "deploying ")
                    + parameters.target());
            DeployResult result = new DeployService(session.ports(), session.cluster(), session.owner())
                    .run(parameters.toRequest());
            session.log().println(stepName() + ": " + finishLine(result) + " after "
                    + DurationText.format(Duration.ofNanos(System.nanoTime() - started)));
            return result.toMap();
        }
    }

    private static String finishLine(DeployResult result) {
        if (result.isDryRun()) {
            return "dry run of release " + result.release() + " in namespace " + result.namespace()
                    + " done; the deploy would make revision " + result.revision();
        }
        return "release " + result.release() + " in namespace " + result.namespace() + " is " + result.status()
                + (result.revision() > 0 ? " at revision " + result.revision() : "");
    }

    @Override
    protected String stopWaitsFor() {
        return "helm to return the release to a safe state (its last deployed revision)";
    }

    @Override
    protected String resumeAdvice() {
        return "Check the release (helm history <release> -n <namespace>) for " + parameters.target()
                + " and run the step again; a release left in pending-install, pending-upgrade or pending-rollback"
                + " is recovered by running deployService with recoverStuckRelease: true.";
    }
}
