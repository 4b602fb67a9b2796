package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.model.DeployRequest;
import io.jenkins.plugins.kubedelivery.jenkins.StepErrors;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code deployService}: {@code helm upgrade --install} of one service of the monorepo. Holds the
 * parameters as the user wrote them; conversion happens in {@link DeployParameters}, the work in
 * the engine's {@code DeployService}. Unset optional values follow the conventions of DESIGN.md.
 */
public final class DeployServiceStep extends Step {
    public static final String FUNCTION_NAME = "deployService";
    public static final String DEFAULT_TIMEOUT = "5m";

    private final String service;
    private final String environment;
    private String namespace;
    private String release;
    private String chart;
    private String version;
    private List<String> valuesFiles;
    private Map<String, Object> values;
    private String imageTag;
    private String imageRepository;
    private String imageTagKey = DeployRequest.DEFAULT_IMAGE_TAG_KEY;
    private String imageRepositoryKey = DeployRequest.DEFAULT_IMAGE_REPOSITORY_KEY;
    private String timeout = DEFAULT_TIMEOUT;
    private boolean wait = true;
    private boolean atomic = true;
    private int historyMax = DeployRequest.DEFAULT_HISTORY_MAX;
    private boolean createNamespace;
    private String kubeconfigCredentialsId;
    private String kubeContext;
    private String server;
    private boolean dryRun;
    private boolean recoverStuckRelease;

    @DataBoundConstructor
    public DeployServiceStep(String service, String environment) {
        this.service = service;
        this.environment = environment;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        DeployParameters parameters;
        try {
            parameters = DeployParameters.of(this);
        } catch (EngineException e) {
            throw StepErrors.toAbort(FUNCTION_NAME, e, null);
        }
        return new DeployServiceStepExecution(context, parameters);
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String required(String parameter, String value, String example) {
        String set = optional(value);
        if (set == null) {
            throw new ValidationException(parameter, "is required: " + example);
        }
        return set;
    }

    static String orDefault(String value, String defaultValue) {
        String set = optional(value);
        return set == null ? defaultValue : set;
    }

    public String getService() { return service; }
    public String getEnvironment() { return environment; }
    public String getNamespace() { return namespace; }
    public String getRelease() { return release; }
    public String getChart() { return chart; }
    public String getVersion() { return version; }
    public List<String> getValuesFiles() { return valuesFiles; }
    public Map<String, Object> getValues() { return values; }
    public String getImageTag() { return imageTag; }
    public String getImageRepository() { return imageRepository; }
    public String getImageTagKey() { return imageTagKey; }
    public String getImageRepositoryKey() { return imageRepositoryKey; }
    public String getTimeout() { return timeout; }
    public boolean isWait() { return wait; }
    public boolean isAtomic() { return atomic; }
    public int getHistoryMax() { return historyMax; }
    public boolean isCreateNamespace() { return createNamespace; }
    public String getKubeconfigCredentialsId() { return kubeconfigCredentialsId; }
    public String getKubeContext() { return kubeContext; }
    public String getServer() { return server; }
    public boolean isDryRun() { return dryRun; }
    public boolean isRecoverStuckRelease() { return recoverStuckRelease; }

    @DataBoundSetter public void setNamespace(String namespace) { this.namespace = optional(namespace); }
    @DataBoundSetter public void setRelease(String release) { this.release = optional(release); }
    @DataBoundSetter public void setChart(String chart) { this.chart = optional(chart); }
    @DataBoundSetter public void setVersion(String version) { this.version = optional(version); }
    @DataBoundSetter public void setValuesFiles(List<String> valuesFiles) { this.valuesFiles = valuesFiles; }
    @DataBoundSetter public void setValues(Map<String, Object> values) { this.values = values; }
    @DataBoundSetter public void setImageTag(String imageTag) { this.imageTag = optional(imageTag); }
    @DataBoundSetter public void setImageRepository(String imageRepository) { this.imageRepository = optional(imageRepository); }
    @DataBoundSetter public void setImageTagKey(String imageTagKey) {
        this.imageTagKey = orDefault(imageTagKey, DeployRequest.DEFAULT_IMAGE_TAG_KEY);
    }
    @DataBoundSetter public void setImageRepositoryKey(String imageRepositoryKey) {
        this.imageRepositoryKey = orDefault(imageRepositoryKey, DeployRequest.DEFAULT_IMAGE_REPOSITORY_KEY);
    }
    @DataBoundSetter public void setTimeout(String timeout) { this.timeout = orDefault(timeout, DEFAULT_TIMEOUT); }
    @DataBoundSetter public void setWait(boolean wait) { this.wait = wait; }
    @DataBoundSetter public void setAtomic(boolean atomic) { this.atomic = atomic; }
    @DataBoundSetter public void setHistoryMax(int historyMax) { this.historyMax = historyMax; }
    @DataBoundSetter public void setCreateNamespace(boolean createNamespace) { this.createNamespace = createNamespace; }
    @DataBoundSetter public void setKubeconfigCredentialsId(String id) { this.kubeconfigCredentialsId = optional(id); }
    @DataBoundSetter public void setKubeContext(String kubeContext) { this.kubeContext = optional(kubeContext); }
    @DataBoundSetter public void setServer(String server) { this.server = optional(server); }
    @DataBoundSetter public void setDryRun(boolean dryRun) { this.dryRun = dryRun; }
    @DataBoundSetter public void setRecoverStuckRelease(boolean recover) { this.recoverStuckRelease = recover; }

    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @Override
        public String getDisplayName() {
            return "Deploy a service of the monorepo with Helm";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, Launcher.class, FilePath.class, EnvVars.class);
        }
    }
}
