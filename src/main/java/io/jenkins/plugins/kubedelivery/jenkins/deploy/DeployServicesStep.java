package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.required;

import hudson.Extension;
import io.jenkins.plugins.kubedelivery.engine.BoundedParallel;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployServices;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployServicesRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.monorepo.CatalogSettings;
import io.jenkins.plugins.kubedelivery.engine.monorepo.DeliveryCatalog;
import io.jenkins.plugins.kubedelivery.engine.monorepo.SettingsChoice;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterStepDescriptor;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import io.jenkins.plugins.kubedelivery.jenkins.PlainValues;
import io.jenkins.plugins.kubedelivery.jenkins.StepCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest;

/**
 * {@code deployServices}: several services of the monorepo deployed at once (at most
 * {@code parallelism} at a time) with the same settings, each to its own release and chart by
 * convention, through the engine's {@code DeployServices}. The usual caller is a pull request
 * build deploying the changed services into its preview namespace.
 */
public final class DeployServicesStep extends AbstractDeployStep {
    public static final String FUNCTION_NAME = "deployServices";

    private final List<String> services;
    private final String environment;
    private int parallelism = DeployServices.DEFAULT_PARALLELISM;
    private String fallbackValuesEnvironment;

    @DataBoundConstructor
    public DeployServicesStep(List<String> services, String environment) {
        this.services = services;
        this.environment = environment;
    }

    public List<String> getServices() { return services; }
    public String getEnvironment() { return environment; }
    public int getParallelism() { return parallelism; }
    public String getFallbackValuesEnvironment() { return fallbackValuesEnvironment; }

    @DataBoundSetter public void setParallelism(int parallelism) { this.parallelism = parallelism; }
    @DataBoundSetter public void setFallbackValuesEnvironment(String environment) {
        this.fallbackValuesEnvironment = optional(environment);
    }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    /**
     * The settings every service shares, as one request the engine copies per service (setting each
     * service's release and chart); its service is the first one.
     *
     * @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming the parameter that cannot be converted
     */
    DeployRequest toTemplate(List<String> serviceNames) {
        String anyService = serviceNames.isEmpty() ? "" : serviceNames.get(0);
        return request(anyService, required("environment", environment, ENVIRONMENT_EXAMPLE))
                .fallbackValuesEnvironment(fallbackValuesEnvironment)
                .build();
    }

    @Override
    protected StepCall call(StepContext context) {
        ArrayList<String> names = PlainValues.copyStrings("services", services);
        DeployRequest template = toTemplate(names);
        BoundedParallel.requireParallelism(parallelism);
        return new Call(names, template, parallelism, clusterAccess(),
                names.size() + " services (" + String.join(", ", names) + ") in " + where(template.environment()));
    }

    /** The request is the settings every service shares (transient: it holds secret values). */
    private static final class Call extends ReleaseCall<DeployRequest> {
        private static final long serialVersionUID = 1L;

        private final ArrayList<String> services;
        private final int parallelism;
        /** Each service's release and chart from delivery.yaml; transient like the request, since the call never resumes. */
        private final transient Map<String, CatalogSettings> catalogued;
        /** delivery.yaml's dependsOn of every service of the repository, for the order of the deploys; transient likewise. */
        private final transient Map<String, List<String>> dependsOn;

        Call(ArrayList<String> services, DeployRequest template, int parallelism, ClusterAccess access, String target) {
            this(services, template, parallelism, access, target, Map.of(), Map.of());
        }

        private Call(ArrayList<String> services, DeployRequest template, int parallelism, ClusterAccess access, String target,
                Map<String, CatalogSettings> catalogued, Map<String, List<String>> dependsOn) {
            super(template, access, target);
            this.services = services;
            this.parallelism = parallelism;
            this.catalogued = catalogued;
            this.dependsOn = dependsOn;
        }

        /** The environment's settings for all, and each service's own release and chart (the step has no parameter for them). */
        @Override
        protected StepCall withCatalogue(DeliveryCatalog catalog, SettingsChoice choice) {
            DeployRequest given = request();
            CatalogSettings environment = CatalogSettings.of(catalog, given.environment());
            ClusterAccess access = accessWith(environment, choice);
            DeployRequest template = given.toBuilder()
                    .namespace(choice.pick("namespace", given.namespace(), environment.namespace()))
                    .valuesSuffix(choice.pick("valuesSuffix", given.valuesSuffix(), environment.valuesSuffix()))
                    .build();
            Map<String, CatalogSettings> perService = new LinkedHashMap<>();
            for (String service : services) {
                CatalogSettings settings = CatalogSettings.of(catalog, service, given.environment());
                choice.pick("release of " + service, null, settings.release());
                choice.pick("chart of " + service, null, settings.chart());
                choice.pickVaultSecrets("vaultSecrets of " + service, given.vaultSecrets(), settings.vaultSecrets());
                perService.put(service, settings);
            }
            Map<String, List<String>> dependencies = new LinkedHashMap<>();
            catalog.services().forEach((name, service) -> dependencies.put(name, service.dependsOn()));
            return new Call(services, template, parallelism, access, target(), perService, dependencies);
        }

        @Override
        public String stopWaitsFor() {
            return "helm to return every release it was changing to a safe state (its last deployed revision)";
        }

        /** The engine tries every service, then fails with every failure listed. */
        @Override
        public Object run(EngineSession session) throws Exception {
            return new DeployServices(session.ports(), session.cluster(), session.owner())
                    .run(new DeployServicesRequest(services, request(), parallelism, catalogued, dependsOn)).toMap();
        }

        @Override
        public String resumeAdvice() {
            return "Check the releases of " + target() + " (helm history <service> -n <namespace>) and run the step"
                    + " again; a release left in pending-install, pending-upgrade or pending-rollback is recovered by running it"
                    + " with recoverStuckRelease: true.";
        }
    }

    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends ClusterStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Deploy several services of the monorepo with Helm, in parallel");
        }

        /**
         * The form's {@code services} is a textarea, one service per line; Stapler binds a list only
         * from a JSON array, so the text becomes one here, and the Snippet Generator (which builds the
         * step through this method) writes {@code services: ['payments', 'search']}. The deprecated
         * overload is the one to override: jenkins-core 2.479.3's {@code newInstance(StaplerRequest2,
         * JSONObject)} calls it when it is overridden, and callers built against older cores call it directly.
         */
        @Override
        @SuppressWarnings("deprecation")
        public Step newInstance(StaplerRequest req, JSONObject formData) throws FormException {
            Object services = formData.get("services");
            if (services instanceof String text) {
                formData.put("services", servicesOfText(text));
            }
            return super.newInstance(req, formData);
        }
    }

    /** One service per line of the form's textarea; blank lines and surrounding spaces are dropped. */
    static List<String> servicesOfText(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
