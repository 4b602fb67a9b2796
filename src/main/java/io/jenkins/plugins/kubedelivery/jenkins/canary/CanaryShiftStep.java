package io.jenkins.plugins.kubedelivery.jenkins.canary;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.orDefault;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.required;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Run;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricSource;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.PrometheusMetricProvider;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.RequestMetrics;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryClock;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryPlan;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryShift;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryShiftRequest;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryShiftResult;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.DurationText;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import io.jenkins.plugins.kubedelivery.jenkins.PlainValues;
import io.jenkins.plugins.kubedelivery.jenkins.StepCall;
import io.jenkins.plugins.kubedelivery.jenkins.deploy.AbstractHelmStep;
import io.jenkins.plugins.kubedelivery.jenkins.vault.VaultSecretPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code canaryShift}: the new version of a service as a canary beside the stable release, traffic
 * moved to it step by step while Prometheus checks it, then promoted or aborted, through the
 * engine's {@link CanaryShift}. Resumable: its request holds no secret, and the canary's state is in
 * the cluster, so after a controller restart the same build carries on where it was.
 */
public final class CanaryShiftStep extends AbstractHelmStep {
    public static final String FUNCTION_NAME = "canaryShift";
    static final List<Object> DEFAULT_STEPS = List.of(10, 25, 50, 100);
    static final String DEFAULT_PAUSE = "5m";
    static final String DEFAULT_INTERVAL = "1m";
    static final int DEFAULT_MIN_REQUESTS = 50;
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
    private List<Object> steps = DEFAULT_STEPS;
    private String pause = DEFAULT_PAUSE;
    private String interval = DEFAULT_INTERVAL;
    private List<CanaryCheck> analysis;
    private String prometheusUrl;
    private String prometheusCredentialsId;
    private int failureLimit;
    private int inconclusiveLimit;
    private int minRequests = DEFAULT_MIN_REQUESTS;
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
    public int getFailureLimit() { return failureLimit; }
    public int getInconclusiveLimit() { return inconclusiveLimit; }
    public int getMinRequests() { return minRequests; }
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
    @DataBoundSetter public void setSteps(List<Object> steps) { this.steps = steps == null || steps.isEmpty() ? DEFAULT_STEPS : steps; }
    @DataBoundSetter public void setPause(String pause) { this.pause = orDefault(pause, DEFAULT_PAUSE); }
    @DataBoundSetter public void setInterval(String interval) { this.interval = orDefault(interval, DEFAULT_INTERVAL); }
    @DataBoundSetter public void setAnalysis(List<CanaryCheck> analysis) { this.analysis = analysis; }
    @DataBoundSetter public void setPrometheusUrl(String prometheusUrl) { this.prometheusUrl = optional(prometheusUrl); }
    @DataBoundSetter public void setPrometheusCredentialsId(String id) { this.prometheusCredentialsId = optional(id); }
    @DataBoundSetter public void setFailureLimit(int failureLimit) { this.failureLimit = failureLimit; }
    @DataBoundSetter public void setInconclusiveLimit(int inconclusiveLimit) { this.inconclusiveLimit = inconclusiveLimit; }
    @DataBoundSetter public void setMinRequests(int minRequests) { this.minRequests = minRequests; }
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
     * Converts and checks every parameter into the engine's request.
     *
     * @param build who runs the canary, recorded in the cluster
     * @throws ValidationException naming the parameter that cannot be used
     */
    CanaryShiftRequest toRequest(RouterSpec routerSpec, String build) {
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
        if (failureLimit < 0 || inconclusiveLimit < 0) {
            throw new ValidationException(failureLimit < 0 ? "failureLimit" : "inconclusiveLimit", "must be 0 or more");
        }
        Optional<RequestMetrics> metrics = routerSpec.requestMetrics();
        List<MetricCheck> checks = new ArrayList<>();
        Map<String, MetricQuery> queries = new LinkedHashMap<>();
        for (CanaryCheck check : analysis == null ? List.<CanaryCheck>of() : analysis) {
            if (check == null) {
                throw new ValidationException("analysis", "holds an empty entry; give errorRate(...), latency(...) or prometheus(...)");
            }
            MetricCheck converted = check.check(failureLimit, inconclusiveLimit);
            checks.add(converted);
            queries.put(converted.name(), check.query(metrics));
        }
        if (!checks.isEmpty()) {
            PrometheusMetricProvider.queryEndpoint(required("prometheusUrl", prometheusUrl,
                    "the analysis needs Prometheus' address, e.g. http://prometheus.monitoring:9090"));
        }
        CanaryPlan plan = new CanaryPlan(WeightSteps.parse(steps, pause), DurationText.parse("interval", interval), checks,
                minRequests);
        return new CanaryShiftRequest(deploy, plan, queries, build, canaryReplicas, replicaCountKey);
    }

    RouterSpec routerSpec() {
        if (router == null) {
            throw new ValidationException("router", "is required: nginx(ingress: 'payments'), gatewayApi(route: 'payments'),"
                    + " istio(virtualService: 'payments') or replicas()");
        }
        return router.spec();
    }

    @Override
    protected StepCall call(StepContext context) throws Exception {
        RouterSpec routerSpec = routerSpec();
        CanaryShiftRequest request = toRequest(routerSpec, build(context));
        return new Call(request, routerSpec, prometheusUrl, prometheusCredentialsId, clusterAccess(),
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

    /** Kept with the build: names, the request and the router, never a secret; so it runs again after a restart. */
    private static final class Call implements StepCall {
        private static final long serialVersionUID = 1L;

        private final CanaryShiftRequest request;
        private final RouterSpec router;
        private final String prometheusUrl;
        private final String prometheusCredentialsId;
        private final ClusterAccess access;
        private final String target;

        Call(CanaryShiftRequest request, RouterSpec router, String prometheusUrl, String prometheusCredentialsId,
                ClusterAccess access, String target) {
            this.request = request;
            this.router = router;
            this.prometheusUrl = prometheusUrl;
            this.prometheusCredentialsId = prometheusCredentialsId;
            this.access = access;
            this.target = target;
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
