package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.required;

import hudson.Extension;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryLeftovers;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
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
 * {@code deployService}: {@code helm upgrade --install} of one service of the monorepo, through the
 * engine's {@code DeployService}. The settings it shares with {@code deployServices} are in
 * {@link AbstractDeployStep}. Unset optional values follow the monorepo's conventions (README.md,
 * step reference).
 */
public final class DeployServiceStep extends AbstractDeployStep {
    public static final String FUNCTION_NAME = "deployService";

    private final String service;
    private final String environment;
    private String release;
    private String chart;
    private String version;

    @DataBoundConstructor
    public DeployServiceStep(String service, String environment) {
        this.service = service;
        this.environment = environment;
    }

    public String getService() { return service; }
    public String getEnvironment() { return environment; }
    public String getRelease() { return release; }
    public String getChart() { return chart; }
    public String getVersion() { return version; }

    @DataBoundSetter public void setRelease(String release) { this.release = optional(release); }
    @DataBoundSetter public void setChart(String chart) { this.chart = optional(chart); }
    @DataBoundSetter public void setVersion(String version) { this.version = optional(version); }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    /** @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming the parameter that cannot be converted */
    DeployRequest toRequest() {
        return request(required("service", service, SERVICE_EXAMPLE), required("environment", environment, ENVIRONMENT_EXAMPLE))
                .release(release)
                .chart(chart)
                .chartVersion(version)
                .build();
    }

    @Override
    protected StepCall call(StepContext context) {
        DeployRequest request = toRequest();
        return new Call(request, clusterAccess(), (release != null ? release : request.service()) + " in " + where(request.environment()));
    }

    private static final class Call extends ReleaseCall<DeployRequest> {
        private static final long serialVersionUID = 1L;

        Call(DeployRequest request, ClusterAccess access, String target) {
            super(request, access, target);
        }

        @Override
        public String stopWaitsFor() {
            return "helm to return the release to a safe state (its last deployed revision)";
        }

        @Override
        protected StepCall withCatalogue(DeliveryCatalog catalog, SettingsChoice choice) {
            DeployRequest given = request();
            CatalogSettings settings = CatalogSettings.of(catalog, given.service(), given.environment());
            ClusterAccess access = accessWith(settings, choice);
            return new Call(settings.applyTo(given, choice), access, target());
        }

        @Override
        public Object run(EngineSession session) throws Exception {
            return new DeployService(session.ports(), session.cluster(), session.owner(),
                    new CanaryLeftovers(session.ports(), session.cluster())).run(request()).toMap();
        }

        @Override
        public String resumeAdvice() {
            return "Check the release (helm history <release> -n <namespace>) for " + target()
                    + " and run the step again; a release left in pending-install, pending-upgrade or pending-rollback"
                    + " is recovered by running deployService with recoverStuckRelease: true.";
        }
    }

    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends ClusterStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Deploy a service of the monorepo with Helm");
        }
    }
}
