package io.jenkins.plugins.kubedelivery.jenkins.preview;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;

import static io.jenkins.plugins.kubedelivery.jenkins.preview.PullRequestEnvironment.given;

import hudson.EnvVars;
import hudson.Extension;
import io.jenkins.plugins.kubedelivery.engine.monorepo.PreviewDefaults;
import io.jenkins.plugins.kubedelivery.engine.monorepo.SettingsChoice;
import io.jenkins.plugins.kubedelivery.engine.preview.CreatePreviewNamespace;
import io.jenkins.plugins.kubedelivery.engine.preview.PreviewRequest;
import io.jenkins.plugins.kubedelivery.jenkins.AbstractClusterStep;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterStepDescriptor;
import io.jenkins.plugins.kubedelivery.jenkins.DeliveryYaml;
import io.jenkins.plugins.kubedelivery.jenkins.DurationText;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import io.jenkins.plugins.kubedelivery.jenkins.PlainValues;
import io.jenkins.plugins.kubedelivery.jenkins.StepCall;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code createPreviewNamespace}: ensures a pull request's own namespace (labelled, quota'd,
 * expiring) through the engine's {@code CreatePreviewNamespace}. Every parameter is optional: in a
 * multibranch pull request build the PR, branch, commit, build URL and repository come from the
 * build's environment ({@link PullRequestEnvironment}); the name and host patterns, time to live and
 * quota from the workspace's {@code delivery.yaml} ({@code preview:}) where it has them. A setting
 * left unset is {@code null} here, so that the file's value is told apart from the engine's default
 * ({@link PreviewRequest#withDefaults}, the one place the defaults are).
 */
public final class CreatePreviewNamespaceStep extends AbstractClusterStep {
    public static final String FUNCTION_NAME = "createPreviewNamespace";

    private String pr;
    private String repository;
    private String branch;
    private String commit;
    private String buildUrl;
    private String namePattern;
    private String hostPattern;
    private String ttl;
    private Map<String, Object> quota;
    private Map<String, Object> limitDefaults;
    private Map<String, Object> limitDefaultRequests;
    private boolean networkPolicy = true;
    private String ingressNamespace;
    private List<String> copySecrets;
    private String secretsNamespace;
    private Map<String, Object> labels;
    private Map<String, Object> annotations;

    @DataBoundConstructor
    public CreatePreviewNamespaceStep() {}

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
    @DataBoundSetter public void setNamePattern(String namePattern) { this.namePattern = optional(namePattern); }
    @DataBoundSetter public void setHostPattern(String hostPattern) { this.hostPattern = optional(hostPattern); }
    @DataBoundSetter public void setTtl(String ttl) { this.ttl = optional(ttl); }
    @DataBoundSetter public void setQuota(Map<String, Object> quota) { this.quota = quota; }
    @DataBoundSetter public void setLimitDefaults(Map<String, Object> limits) { this.limitDefaults = limits; }
    @DataBoundSetter public void setLimitDefaultRequests(Map<String, Object> requests) { this.limitDefaultRequests = requests; }
    @DataBoundSetter public void setNetworkPolicy(boolean networkPolicy) { this.networkPolicy = networkPolicy; }
    @DataBoundSetter public void setIngressNamespace(String namespace) { this.ingressNamespace = optional(namespace); }
    @DataBoundSetter public void setCopySecrets(List<String> copySecrets) { this.copySecrets = copySecrets; }
    @DataBoundSetter public void setSecretsNamespace(String namespace) { this.secretsNamespace = optional(namespace); }
    @DataBoundSetter public void setLabels(Map<String, Object> labels) { this.labels = labels; }
    @DataBoundSetter public void setAnnotations(Map<String, Object> annotations) { this.annotations = annotations; }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    /**
     * The engine's request: the build environment's defaults filled in, maps and lists copied into
     * plain serializable values. The engine checks the rest (a missing {@code pr} included) before
     * any command runs.
     *
     * @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming the parameter that cannot be converted
     */
    PreviewRequest toRequest(PullRequestEnvironment env) {
        return new PreviewRequest(given(pr, env.pr()), given(repository, env.repository()), given(branch, env.branch()),
                given(commit, env.commit()), given(buildUrl, env.buildUrl()), namePattern, hostPattern,
                ttl == null ? null : DurationText.parse("ttl", ttl), PlainValues.copyTextMap("quota", quota),
                PlainValues.copyTextMap("limitDefaults", limitDefaults),
                PlainValues.copyTextMap("limitDefaultRequests", limitDefaultRequests), networkPolicy, ingressNamespace,
                PlainValues.copyStrings("copySecrets", copySecrets), secretsNamespace, PlainValues.copyTextMap("labels", labels),
                PlainValues.copyTextMap("annotations", annotations));
    }

    @Override
    protected StepCall call(StepContext context) throws Exception {
        return new Call(toRequest(PullRequestEnvironment.from(context.get(EnvVars.class))), quota != null, clusterAccess());
    }

    /**
     * Resumable: the engine creates the namespace with create semantics and renews it by a replace
     * from the resourceVersion it read, so a second run finishes what the first began and adopts
     * nothing. The request names Secrets to copy but holds no secret.
     *
     * @param quotaGiven whether the step was given {@code quota} (an empty one included: no quota), so delivery.yaml's is not taken
     */
    record Call(PreviewRequest request, boolean quotaGiven, ClusterAccess clusterAccess) implements StepCall {
        /** On the agent, before any command: delivery.yaml's {@code preview:} for what the step left unset, said in the log. */
        @Override
        public StepCall resolved(EngineSession session) throws Exception {
            return DeliveryYaml.resolve(session, this, (catalog, choice) -> withPreview(catalog.preview(), choice));
        }

        /** @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming the file's key when its ttl is no duration */
        Call withPreview(PreviewDefaults preview, SettingsChoice choice) {
            Duration ttl = request.ttl();
            String fileTtl = choice.pick("ttl", ttl == null ? null : DurationText.of(ttl), preview.ttl());
            if (ttl == null && fileTtl != null) {
                ttl = DurationText.parse(PREVIEW_TTL_KEY, fileTtl);
            }
            Map<String, String> quota = request.quota();
            if (!quotaGiven && !preview.quota().isEmpty()) {
                choice.pick("quota", null, preview.quota().toString());
                quota = preview.quota();
            }
            return new Call(request.withSettings(choice.pick("namePattern", request.namePattern(), preview.namePattern()),
                    choice.pick("hostPattern", request.hostPattern(), preview.hostPattern()), ttl, quota),
                    quotaGiven || !preview.quota().isEmpty(), clusterAccess);
        }

        @Override
        public Object run(EngineSession session) throws Exception {
            return new CreatePreviewNamespace(session.ports(), session.cluster()).run(request).toMap();
        }

        @Override
        public String target() {
            return PullRequestEnvironment.describe(request.pr(), request.repository());
        }

        @Override
        public boolean resumable() {
            return true;
        }
    }

    /** What a refusal of the file's time to live names. */
    static final String PREVIEW_TTL_KEY = "delivery.yaml preview.ttl";

    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends ClusterStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Create or renew the pull request's preview namespace");
        }
    }
}
