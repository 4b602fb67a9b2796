package io.jenkins.plugins.kubedelivery.jenkins.preview;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;

import static io.jenkins.plugins.kubedelivery.jenkins.preview.PullRequestEnvironment.given;

import hudson.EnvVars;
import hudson.Extension;
import io.jenkins.plugins.kubedelivery.engine.preview.DeletePreviewNamespace;
import io.jenkins.plugins.kubedelivery.engine.preview.DeletePreviewRequest;
import io.jenkins.plugins.kubedelivery.jenkins.AbstractClusterStep;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterStepDescriptor;
import io.jenkins.plugins.kubedelivery.jenkins.DeliveryYaml;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import io.jenkins.plugins.kubedelivery.jenkins.StepCall;
import java.io.Serializable;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code deletePreviewNamespace}: removes a pull request's preview namespace through the engine's
 * {@code DeletePreviewNamespace}, which refuses a namespace the plugin does not own or that belongs to
 * another pull request. The namespace is named by {@code namespace}, or derived from {@code pr}
 * and {@code repository} (by default from the build's environment) with {@code namePattern}, by
 * default the one {@code createPreviewNamespace} used: {@code delivery.yaml}'s {@code preview.namePattern}
 * where the workspace has it, else the engine's default.
 */
public final class DeletePreviewNamespaceStep extends AbstractClusterStep {
    public static final String FUNCTION_NAME = "deletePreviewNamespace";

    private String pr;
    private String repository;
    private String namespace;
    private String namePattern;
    private boolean wait;

    @DataBoundConstructor
    public DeletePreviewNamespaceStep() {}

    public String getPr() { return pr; }
    public String getRepository() { return repository; }
    public String getNamespace() { return namespace; }
    public String getNamePattern() { return namePattern; }
    public boolean isWait() { return wait; }

    @DataBoundSetter public void setPr(String pr) { this.pr = optional(pr); }
    @DataBoundSetter public void setRepository(String repository) { this.repository = optional(repository); }
    @DataBoundSetter public void setNamespace(String namespace) { this.namespace = optional(namespace); }
    @DataBoundSetter public void setNamePattern(String namePattern) { this.namePattern = optional(namePattern); }
    @DataBoundSetter public void setWait(boolean wait) { this.wait = wait; }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    /**
     * What to delete. The build's environment fills in {@code pr} and {@code repository} only when
     * the namespace is derived from them: with an explicit {@code namespace} (say, from a cleanup
     * job, whose JOB_NAME names no repository) only what the user gave is checked against the
     * namespace's ownership labels.
     */
    DeletePreviewRequest toRequest(PullRequestEnvironment env) {
        PullRequestEnvironment defaults = namespace == null ? env : PullRequestEnvironment.NONE;
        return new DeletePreviewRequest(given(pr, defaults.pr()), given(repository, defaults.repository()), namespace, namePattern, wait);
    }

    @Override
    protected StepCall call(StepContext context) throws Exception {
        return new Call(toRequest(PullRequestEnvironment.from(context.get(EnvVars.class))), clusterAccess());
    }

    /**
     * Resumable: the delete carries preconditions on the uid and resourceVersion the engine just
     * read, and a namespace already gone counts as deleted, so running it again is safe.
     */
    record Call(DeletePreviewRequest request, ClusterAccess clusterAccess) implements StepCall {
        /** Derives the name as createPreviewNamespace did: with delivery.yaml's namePattern when the step names neither. */
        @Override
        public StepCall resolved(EngineSession session) throws Exception {
            if (request.namespace() != null) {
                return this;
            }
            return DeliveryYaml.resolve(session, this, (catalog, choice) -> new Call(new DeletePreviewRequest(request.pr(),
                    request.repository(), null, choice.pick("namePattern", request.namePattern(), catalog.preview().namePattern()),
                    request.waitForDeletion()), clusterAccess));
        }

        @Override
        public Object run(EngineSession session) throws Exception {
            return new DeletePreviewNamespace(session.ports(), session.cluster()).run(request).toMap();
        }

        @Override
        public String target() {
            return request.namespace() != null ? "namespace " + request.namespace()
                    : "the preview of " + PullRequestEnvironment.describe(request.pr(), request.repository());
        }

        @Override
        public boolean resumable() {
            return true;
        }
    }

    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends ClusterStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Delete the pull request's preview namespace");
        }
    }
}
