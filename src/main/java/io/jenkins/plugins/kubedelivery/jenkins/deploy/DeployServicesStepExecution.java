package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import io.jenkins.plugins.kubedelivery.engine.deploy.DeployServices;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployServicesRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployServicesResult;
import io.jenkins.plugins.kubedelivery.jenkins.BackgroundStepExecution;
import io.jenkins.plugins.kubedelivery.jenkins.DurationText;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code deployServices}: opens the ports once, lets the engine deploy every service, and
 * returns service to result map. The engine tries every service and then fails with all failures
 * listed, which {@code StepErrors} turns into the step's one-line error.
 */
final class DeployServicesStepExecution extends BackgroundStepExecution {
    private static final long serialVersionUID = 1L;

    private final DeployServicesParameters parameters;

    DeployServicesStepExecution(StepContext context, DeployServicesParameters parameters) {
        super(context, DeployServicesStep.FUNCTION_NAME);
        this.parameters = parameters;
    }

    @Override
    protected Object work() throws Exception {
        try (EngineSession session = EngineSession.open(getContext(), parameters.clusterAccess(), secretMask())) {
            long started = System.nanoTime();
            session.log().println(stepName() + ": " + (parameters.dryRun() ? "dry run of " : "deploying ") + parameters.target());
            DeployServicesResult results = new DeployServices(session.ports(), session.cluster(), session.owner())
                    .run(new DeployServicesRequest(parameters.services(), parameters.template(), parameters.parallelism()));
            session.log().println(stepName() + ": " + results.results().size() + " services "
                    + (parameters.dryRun() ? "checked" : "deployed") + " after "
                    + DurationText.format(Duration.ofNanos(System.nanoTime() - started)));
            return results.toMap();
        }
    }

    @Override
    protected String stopWaitsFor() {
        return "helm to return every release it was changing to a safe state (its last deployed revision)";
    }

    @Override
    protected String resumeAdvice() {
        return "Check the releases of " + parameters.target() + " (helm history <service> -n <namespace>) and run the step"
                + " again; a release left in pending-install, pending-upgrade or pending-rollback is recovered by running it"
                + " with recoverStuckRelease: true.";
    }
}
