package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.required;

import hudson.Extension;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryLeftovers;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackService;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackRequest;
import io.jenkins.plugins.kubedelivery.engine.monorepo.CatalogSettings;
import io.jenkins.plugins.kubedelivery.engine.monorepo.DeliveryCatalog;
import io.jenkins.plugins.kubedelivery.engine.monorepo.SettingsChoice;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterStepDescriptor;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import io.jenkins.plugins.kubedelivery.jenkins.StepCall;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code rollbackService}: returns a service's release to an earlier revision (by default the
 * previous deployed one) with one {@code helm rollback}, through the engine's {@code RollbackService},
 * which checks {@code toRevision} before any command.
 */
public final class RollbackServiceStep extends AbstractHelmStep {
    public static final String FUNCTION_NAME = "rollbackService";

    private final String service;
    private final String environment;
    private String release;
    private int toRevision;

    @DataBoundConstructor
    public RollbackServiceStep(String service, String environment) {
        this.service = service;
        this.environment = environment;
    }

    public String getService() { return service; }
    public String getEnvironment() { return environment; }
    public String getRelease() { return release; }
    public int getToRevision() { return toRevision; }

    @DataBoundSetter public void setRelease(String release) { this.release = optional(release); }
    @DataBoundSetter public void setToRevision(int toRevision) { this.toRevision = toRevision; }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    /** @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming the parameter that cannot be converted */
    RollbackRequest toRequest() {
        return new RollbackRequest(required("service", service, SERVICE_EXAMPLE),
                required("environment", environment, ENVIRONMENT_EXAMPLE), getNamespace(), release, toRevision,
                timeoutDuration(), isWait());
    }

    @Override
    protected StepCall call(StepContext context) {
        RollbackRequest request = toRequest();
        return new Call(request, clusterAccess(), (release != null ? release : request.service()) + " in "
                + where(request.environment())
                + (toRevision > 0 ? " to revision " + toRevision : " to the previous deployed revision"));
    }

    private static final class Call extends ReleaseCall<RollbackRequest> {
        private static final long serialVersionUID = 1L;

        Call(RollbackRequest request, ClusterAccess access, String target) {
            super(request, access, target);
        }

        @Override
        protected StepCall withCatalogue(DeliveryCatalog catalog, SettingsChoice choice) {
            RollbackRequest given = request();
            CatalogSettings settings = CatalogSettings.of(catalog, given.service(), given.environment());
            ClusterAccess access = accessWith(settings, choice);
            RollbackRequest resolved = new RollbackRequest(given.service(), given.environment(),
                    choice.pick("namespace", given.namespace(), settings.namespace()),
                    choice.pick("release", given.release(), settings.release()),
                    given.toRevision(), given.timeout(), given.waitForReady());
            return new Call(resolved, access, target());
        }

        @Override
        public Object run(EngineSession session) throws Exception {
            return new RollbackService(session.ports(), session.cluster(), session.owner(),
                    new CanaryLeftovers(session.ports(), session.cluster())).run(request()).toMap();
        }

        @Override
        public String resumeAdvice() {
            return "Check the release (helm history <release> -n <namespace>) for " + target()
                    + " and run the step again; a release left in pending-rollback is recovered by running deployService"
                    + " with recoverStuckRelease: true.";
        }
    }

    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends ClusterStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Roll a service's Helm release back to an earlier revision");
        }
    }
}
