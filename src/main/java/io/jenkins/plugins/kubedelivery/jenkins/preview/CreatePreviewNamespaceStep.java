package io.jenkins.plugins.kubedelivery.jenkins.preview;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.orDefault;

import hudson.EnvVars;
import hudson.Extension;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.preview.PreviewRequest;
import io.jenkins.plugins.kubedelivery.jenkins.AbstractClusterStep;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterStepDescriptor;
import io.jenkins.plugins.kubedelivery.jenkins.StepErrors;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code createPreviewNamespace}: ensures a pull request's own namespace (labelled, quota'd,
 * expiring) through the engine's {@code CreatePreviewNamespace}. Every parameter is optional: in a
 * multibranch pull request build the PR, branch, commit, build URL and repository come from the
 * build's environment ({@link PullRequestEnvironment}); conversion is in {@link CreatePreviewParameters}.
 */
public final class CreatePreviewNamespaceStep extends AbstractClusterStep {
    public static final String FUNCTION_NAME = "createPreviewNamespace";
    public static final String DEFAULT_TTL = "72h";

    private String pr;
    private String repository;
    private String branch;
    private String commit;
    private String buildUrl;
    private String namePattern = PreviewRequest.DEFAULT_NAME_PATTERN;
    private String hostPattern;
    private String ttl = DEFAULT_TTL;
    private Map<String, Object> quota;
    private Map<String, Object> limitDefaults;
    private Map<String, Object> limitDefaultRequests;
    private boolean networkPolicy = true;
    private String ingressNamespace = PreviewRequest.DEFAULT_INGRESS_NAMESPACE;
    private List<String> copySecrets;
    private String secretsNamespace;
    private Map<String, Object> labels;
    private Map<String, Object> annotations;

    @DataBoundConstructor
    public CreatePreviewNamespaceStep() {}

    @Override
    public StepExecution start(StepContext context) throws Exception {
        CreatePreviewParameters parameters;
        try {
            parameters = CreatePreviewParameters.of(this, PullRequestEnvironment.from(context.get(EnvVars.class)));
        } catch (EngineException e) {
            throw StepErrors.toAbort(FUNCTION_NAME, e, null);
        }
        return new CreatePreviewNamespaceStepExecution(context, parameters);
    }

    public String getPr() { return pr; }
    public String getRepository() { return repository; }
    public String getBranch() { return branch; }
    public String getCommit() { return commit; }
    public String getBuildUrl() { return buildUrl; }
    public String getNamePattern() { return namePattern; }
    public String getHostPattern() { return hostPattern; }
    public String getTtl() { return ttl; }
    public Map<String, Object> getQuota() { return quota; }
    public Map<String, Object> getLimitDefaults() { return limitDefaults; }
    public Map<String, Object> getLimitDefaultRequests() { return limitDefaultRequests; }
    public boolean isNetworkPolicy() { return networkPolicy; }
    public String getIngressNamespace() { return ingressNamespace; }
    public List<String> getCopySecrets() { return copySecrets; }
    public String getSecretsNamespace() { return secretsNamespace; }
    public Map<String, Object> getLabels() { return labels; }
    public Map<String, Object> getAnnotations() { return annotations; }

    @DataBoundSetter public void setPr(String pr) { this.pr = optional(pr); }
    @DataBoundSetter public void setRepository(String repository) { this.repository = optional(repository); }
    @DataBoundSetter public void setBranch(String branch) { this.branch = optional(branch); }
    @DataBoundSetter public void setCommit(String commit) { this.commit = optional(commit); }
    @DataBoundSetter public void setBuildUrl(String buildUrl) { this.buildUrl = optional(buildUrl); }
    @DataBoundSetter public void setNamePattern(String namePattern) {
        this.namePattern = orDefault(namePattern, PreviewRequest.DEFAULT_NAME_PATTERN);
    }
    @DataBoundSetter public void setHostPattern(String hostPattern) { this.hostPattern = optional(hostPattern); }
    @DataBoundSetter public void setTtl(String ttl) { this.ttl = orDefault(ttl, DEFAULT_TTL); }
    @DataBoundSetter public void setQuota(Map<String, Object> quota) { this.quota = quota; }
    @DataBoundSetter public void setLimitDefaults(Map<String, Object> limits) { this.limitDefaults = limits; }
    @DataBoundSetter public void setLimitDefaultRequests(Map<String, Object> requests) { this.limitDefaultRequests = requests; }
    @DataBoundSetter public void setNetworkPolicy(boolean networkPolicy) { this.networkPolicy = networkPolicy; }
    @DataBoundSetter public void setIngressNamespace(String namespace) {
        this.ingressNamespace = orDefault(namespace, PreviewRequest.DEFAULT_INGRESS_NAMESPACE);
    }
    @DataBoundSetter public void setCopySecrets(List<String> copySecrets) { this.copySecrets = copySecrets; }
    @DataBoundSetter public void setSecretsNamespace(String namespace) { this.secretsNamespace = optional(namespace); }
    @DataBoundSetter public void setLabels(Map<String, Object> labels) { this.labels = labels; }
    @DataBoundSetter public void setAnnotations(Map<String, Object> annotations) { this.annotations = annotations; }

    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends ClusterStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Create or renew the pull request's preview namespace");
        }
    }
}
