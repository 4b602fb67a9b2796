package io.jenkins.plugins.kubedelivery.jenkins.canary;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.orDefault;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.required;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Run;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricSource;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryClock;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryShift;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryShiftRequest;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryShiftResult;
import io.jenkins.plugins.kubedelivery.engine.canary.CheckSpec;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.DeliveryYaml;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import io.jenkins.plugins.kubedelivery.jenkins.PlainValues;
import io.jenkins.plugins.kubedelivery.jenkins.StepCall;
import io.jenkins.plugins.kubedelivery.jenkins.deploy.AbstractHelmStep;
import io.jenkins.plugins.kubedelivery.jenkins.vault.VaultSecretPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code canaryShift}: the new version of a service as a canary beside the stable release, traffic
 * moved to it step by step while Prometheus checks it, then promoted or aborted, through the
 * engine's {@link CanaryShift}. What a parameter does not give comes from {@code delivery.yaml} (as for
 * deployService, plus its {@code canary:} section), else from the defaults below. Resumable: its parameters
 * hold no secret, and the canary's state is in the cluster, so after a controller restart the same build
 * carries on where it was.
 */
public final class CanaryShiftStep extends AbstractHelmStep {
    public static final String FUNCTION_NAME = "canaryShift";
    // The built-in defaults, each written once: delivery.yaml's canary section overrides them, a step parameter both.
    static final List<Object> DEFAULT_STEPS = List.of(10, 25, 50, 100);
    static final String DEFAULT_PAUSE = "5m";
    static final String DEFAULT_INTERVAL = "1m";
    static final int DEFAULT_MIN_REQUESTS = 50;
    static final int DEFAULT_FAILURE_LIMIT = 0;
    static final int DEFAULT_INCONCLUSIVE_LIMIT = 0;
    /** What a stop waits for while a canary moves or is promoted (canaryPromote says the same). */
    static final String STOP_WAITS_FOR = "all traffic to return to the stable release and the canary release to be removed";

    private final String service;
    private final String environment;
    private final String imageTag;
    private String release;
    private String chart;
    private String version;
    private List<String> valuesFiles;
    private Map<String, Object> values;
    private String imageRepository;
    private CanaryRouter router;
    // null where not given, so that delivery.yaml, then the defaults above, decide
    private List<Object> steps;
    private String pause;
    private String interval;
    private List<CanaryCheck> analysis;
    private String prometheusUrl;
    private String prometheusCredentialsId;
    private Integer failureLimit;
    private Integer inconclusiveLimit;
    private Integer minRequests;
    private List<VaultSecretPath> vaultSecrets;
    private String vaultUrl;
    private String vaultCredentialId;
    private int canaryReplicas = CanaryShiftRequest.DEFAULT_CANARY_REPLICAS;
    private String replicaCountKey = CanaryShiftRequest.DEFAULT_REPLICA_COUNT_KEY;

    @DataBoundConstructor
    public CanaryShiftStep(String service, String environment, String imageTag) {
        this.service = service;
        this.environment = environment;
        this.imageTag = imageTag;
    }

    public String getService() { return service; }
    public String getEnvironment() { return environment; }
    public String getImageTag() { return imageTag; }
    public String getRelease() { return release; }
    public String getChart() { return chart; }
    public String getVersion() { return version; }
    public List<String> getValuesFiles() { return valuesFiles; }
    public Map<String, Object> getValues() { return values; }
    public String getImageRepository() { return imageRepository; }
    public CanaryRouter getRouter() { return router; }
    public List<Object> getSteps() { return steps; }
    public String getPause() { return pause; }
    public String getInterval() { return interval; }
    public List<CanaryCheck> getAnalysis() { return analysis; }
    public String getPrometheusUrl() { return prometheusUrl; }
    public String getPrometheusCredentialsId() { return prometheusCredentialsId; }
    public Integer getFailureLimit() { return failureLimit; }
    public Integer getInconclusiveLimit() { return inconclusiveLimit; }
    public Integer getMinRequests() { return minRequests; }
    public List<VaultSecretPath> getVaultSecrets() { return vaultSecrets; }
    public String getVaultUrl() { return vaultUrl; }
    public String getVaultCredentialId() { return vaultCredentialId; }
    public int getCanaryReplicas() { return canaryReplicas; }
    public String getReplicaCountKey() { return replicaCountKey; }

    @DataBoundSetter public void setRelease(String release) { this.release = optional(release); }
    @DataBoundSetter public void setChart(String chart) { this.chart = optional(chart); }
    @DataBoundSetter public void setVersion(String version) { this.version = optional(version); }
    @DataBoundSetter public void setValuesFiles(List<String> valuesFiles) { this.valuesFiles = valuesFiles; }
    @DataBoundSetter public void setValues(Map<String, Object> values) { this.values = values; }
    @DataBoundSetter public void setImageRepository(String imageRepository) { this.imageRepository = optional(imageRepository); }
    @DataBoundSetter public void setRouter(CanaryRouter router) { this.router = router; }
    @DataBoundSetter public void setSteps(List<Object> steps) { this.steps = steps == null || steps.isEmpty() ? null : steps; }
    @DataBoundSetter public void setPause(String pause) { this.pause = optional(pause); }
    @DataBoundSetter public void setInterval(String interval) { this.interval = optional(interval); }
    @DataBoundSetter public void setAnalysis(List<CanaryCheck> analysis) { this.analysis = analysis; }
    @DataBoundSetter public void setPrometheusUrl(String prometheusUrl) { this.prometheusUrl = optional(prometheusUrl); }
    @DataBoundSetter public void setPrometheusCredentialsId(String id) { this.prometheusCredentialsId = optional(id); }
    @DataBoundSetter public void setFailureLimit(Integer failureLimit) { this.failureLimit = failureLimit; }
    @DataBoundSetter public void setInconclusiveLimit(Integer inconclusiveLimit) { this.inconclusiveLimit = inconclusiveLimit; }
    @DataBoundSetter public void setMinRequests(Integer minRequests) { this.minRequests = minRequests; }
    @DataBoundSetter public void setVaultSecrets(List<VaultSecretPath> vaultSecrets) { this.vaultSecrets = vaultSecrets; }
    @DataBoundSetter public void setVaultUrl(String vaultUrl) { this.vaultUrl = optional(vaultUrl); }
    @DataBoundSetter public void setVaultCredentialId(String id) { this.vaultCredentialId = optional(id); }
    @DataBoundSetter public void setCanaryReplicas(int canaryReplicas) { this.canaryReplicas = canaryReplicas; }
    @DataBoundSetter public void setReplicaCountKey(String replicaCountKey) {
        this.replicaCountKey = orDefault(replicaCountKey, CanaryShiftRequest.DEFAULT_REPLICA_COUNT_KEY);
    }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    /**
     * Converts and checks every parameter given, leaving {@code null} what was not, for {@code delivery.yaml}
     * and then the built-in defaults to fill when the call is resolved.
     *
     * @param build who runs the canary, recorded in the cluster
     * @throws ValidationException naming the parameter that cannot be used
     */
    CanaryShiftSettings settings(String build) {
        DeployRequest deploy = DeployRequest.builder(required("service", service, "the service's folder in the monorepo, e.g. payments"),
                        required("environment", environment, "e.g. prod"))
                .imageTag(required("imageTag", imageTag, "the new version's image tag, e.g. the commit id"))
                .namespace(getNamespace())
                .release(release)
                .chart(chart)
                .chartVersion(version)
                .valuesFiles(PlainValues.copyStrings("valuesFiles", valuesFiles))
                .values(PlainValues.copyMap("values", values))
                .vaultSecrets(VaultSecretPath.toSecretPaths(vaultUrl, vaultCredentialId, vaultSecrets))
                .imageRepository(imageRepository)
                .timeout(timeoutDuration())
                .waitForReady(isWait())
                .build();
        List<CheckSpec> checks = null;
        if (analysis != null) {
            checks = new ArrayList<>();
            for (CanaryCheck check : analysis) {
                if (check == null) {
                    throw new ValidationException("analysis", "holds an empty entry; give errorRate(...), latency(...) or prometheus(...)");
                }
                checks.add(check.spec());
            }
        }
        return new CanaryShiftSettings(deploy, router == null ? null : router.spec(), checks,
                WeightSteps.portable(steps, pause != null ? pause : DEFAULT_PAUSE), pause, interval, failureLimit, inconclusiveLimit,
                minRequests, prometheusUrl, build, canaryReplicas, replicaCountKey);
    }

    @Override
    protected StepCall call(StepContext context) throws Exception {
        return new Call(settings(build(context)), prometheusCredentialsId, clusterAccess(),
                (release != null ? release : service) + " in " + where(environment));
    }

    /**
     * Who runs a canary, as recorded in the cluster: canaryPromote compares its own with it, and a later
     * deploy asks Jenkins by it whether that build still runs ({@code folder/job#12}, the id Jenkins
     * resolves back to the build).
     */
    static String build(StepContext context) throws java.io.IOException, InterruptedException {
        Run<?, ?> run = context.get(Run.class);
        return run == null ? FUNCTION_NAME : run.getExternalizableId();
    }

    /**
     * Kept with the build: names, the parameters and the router, never a secret; so it runs again after a restart,
     * reading {@code delivery.yaml} again. A build kept before the step read the file holds its whole request instead
     * (then {@code settings} reads back {@code null}), and carries on with it unchanged.
     */
    private static final class Call implements StepCall {
        private static final long serialVersionUID = 1L;

        /** {@code null} until the call is resolved (and in a build kept before the step read delivery.yaml: the request). */
        private final CanaryShiftRequest request;
        private final RouterSpec router;
        private final String prometheusUrl;
        private final String prometheusCredentialsId;
        private final ClusterAccess access;
        private final String target;
        /** The parameters as given; {@code null} in a build kept before the step read delivery.yaml. */
        private final CanaryShiftSettings settings;

        Call(CanaryShiftSettings settings, String prometheusCredentialsId, ClusterAccess access, String target) {
            this(null, settings, prometheusCredentialsId, access, target);
        }

        private Call(CanaryShiftRequest request, CanaryShiftSettings settings, String prometheusCredentialsId, ClusterAccess access,
                String target) {
            this.request = request;
            this.router = settings.router();
            this.prometheusUrl = settings.prometheusUrl();
            this.prometheusCredentialsId = prometheusCredentialsId;
            this.access = access;
            this.target = target;
            this.settings = settings;
        }

        @Override
        public ClusterAccess clusterAccess() {
            return access;
        }

        @Override
        public String target() {
            return target;
        }

        @Override
        public String stopWaitsFor() {
            return STOP_WAITS_FOR;
        }

        /** The canary's state is in the cluster: a new run of the same build carries on from it. */
        @Override
        public boolean resumable() {
            return true;
        }

        /**
         * On the agent, before any command: {@code delivery.yaml}'s values for what the step was not given (as deployService
         * takes them, plus the canary section), then the built-in defaults, into the engine's request.
         */
        @Override
        public StepCall resolved(EngineSession session) throws Exception {
            if (settings == null) {
                return this;
            }
            Call filled = (Call) DeliveryYaml.resolve(session, this, (catalog, choice) -> {
                CanaryCatalogue file = new CanaryCatalogue(catalog, settings.deploy().service(), settings.deploy().environment(), choice);
                ClusterAccess fileAccess = file.access(access);
                return new Call(settings.withCatalogue(file), prometheusCredentialsId, fileAccess, target);
            });
            return new Call(filled.settings.toRequest(), filled.settings, prometheusCredentialsId, filled.access, target);
        }

        @Override
        public Object run(EngineSession session) throws Exception {
            MetricSource source = new MetricSource(prometheusUrl, prometheusCredentialsId);
            CanaryShiftResult result = new CanaryShift(session.ports(), session.cluster(), router, source,
                    new PrometheusSource(session).open(source), CanaryClock.SYSTEM).run(request);
            return stepResult(result);
        }
    }

    /** The step's return value; an aborted canary fails the step (canaryPromote's too), saying traffic is back on stable. */
    static Object stepResult(CanaryShiftResult result) {
        if (result.aborted()) {
            throw new EngineException("the canary was aborted: " + result.reason() + "; all traffic is back on "
                    + result.release() + " and the canary release " + result.canaryRelease() + " was removed");
        }
        return result.toMap();
    }

    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends CanaryStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Release a service to production through a canary checked by Prometheus");
        }

        /** The checks the form offers ({@code f:repeatableHeteroProperty} looks up {@code <field>Descriptors}). */
        public List<Descriptor<CanaryCheck>> getAnalysisDescriptors() {
            Jenkins jenkins = Jenkins.get();
            return List.of(jenkins.getDescriptorByType(ErrorRateCheck.DescriptorImpl.class),
                    jenkins.getDescriptorByType(LatencyCheck.DescriptorImpl.class),
                    jenkins.getDescriptorByType(PrometheusQueryCheck.DescriptorImpl.class));
        }
    }
}
