package io.jenkins.plugins.kubedelivery.jenkins.monorepo;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;

import hudson.EnvVars;
import hudson.Extension;
import io.jenkins.plugins.kubedelivery.engine.cli.GitClient;
import io.jenkins.plugins.kubedelivery.engine.monorepo.ChangeBase;
import io.jenkins.plugins.kubedelivery.engine.monorepo.ChangedServices;
import io.jenkins.plugins.kubedelivery.engine.monorepo.ChangedServicesRequest;
import io.jenkins.plugins.kubedelivery.engine.monorepo.DeliveryCatalog;
import io.jenkins.plugins.kubedelivery.engine.monorepo.WorkspaceCatalog;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.DeliveryStep;
import io.jenkins.plugins.kubedelivery.jenkins.DeliveryStepDescriptor;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import io.jenkins.plugins.kubedelivery.jenkins.StepCall;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code changedServices}: which services of the monorepo in the workspace this build must deliver,
 * through the engine's {@link ChangedServices}. It reads {@code delivery.yaml} and runs git in the
 * workspace, on the agent; it needs no cluster, so it has no cluster parameter and reads no credential.
 *
 * <p>The base, from the most explicit to the least: {@code base}; in a pull request build the merge
 * base with {@code CHANGE_TARGET} (set by the multibranch pull request head); otherwise the commit of
 * the last successful build of this branch, {@code lastSuccessfulCommit} or, when not given, the git
 * plugin's {@code GIT_PREVIOUS_SUCCESSFUL_COMMIT}. That name is the git plugin's own
 * ({@code GitSCM.GIT_PREVIOUS_SUCCESSFUL_COMMIT}, put by {@code GitSCM.buildEnvironment}): it reaches a
 * declarative pipeline's environment and the map {@code checkout scm} returns, but not a scripted
 * pipeline's {@code env}, hence the parameter.
 */
public final class ChangedServicesStep extends DeliveryStep {
    public static final String FUNCTION_NAME = "changedServices";
    /** Set by a multibranch pull request build: the branch the pull request targets. */
    static final String CHANGE_TARGET = "CHANGE_TARGET";
    /** The git plugin's name for the commit of this branch's last successful build. */
    static final String GIT_PREVIOUS_SUCCESSFUL_COMMIT = "GIT_PREVIOUS_SUCCESSFUL_COMMIT";

    private String base;
    private String lastSuccessfulCommit;

    @DataBoundConstructor
    public ChangedServicesStep() {}

    public String getBase() { return base; }
    public String getLastSuccessfulCommit() { return lastSuccessfulCommit; }

    @DataBoundSetter public void setBase(String base) { this.base = optional(base); }
    @DataBoundSetter public void setLastSuccessfulCommit(String commit) { this.lastSuccessfulCommit = optional(commit); }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    /** The base as the parameters and the build's environment give it; what the user typed is checked here. */
    ChangeBase toBase(Map<String, String> env) {
        Map<String, String> environment = env == null ? Map.of() : env;
        String given = base == null ? null : GitClient.requireRevision("base", base);
        String last = lastSuccessfulCommit == null ? optional(environment.get(GIT_PREVIOUS_SUCCESSFUL_COMMIT))
                : GitClient.requireRevision("lastSuccessfulCommit", lastSuccessfulCommit);
        return new ChangeBase(given, optional(environment.get(CHANGE_TARGET)), last);
    }

    @Override
    protected StepCall call(StepContext context) throws Exception {
        ChangeBase changeBase = toBase(context.get(EnvVars.class));
        return new Call(changeBase.base(), changeBase.targetBranch(), changeBase.lastSuccessfulCommit());
    }

    /**
     * Resumable: it only reads (the catalogue, git's history; a fetch adds history and changes no
     * branch), so running it again after a restart gives the same answer. Keeps the base's three
     * texts rather than the engine's record, which is not serializable.
     */
    private record Call(String base, String targetBranch, String lastSuccessfulCommit) implements StepCall {
        private static final long serialVersionUID = 1L;

        /** No cluster: the execution opens the ports alone, reading no credential. */
        @Override
        public ClusterAccess clusterAccess() {
            return null;
        }

        @Override
        public Object run(EngineSession session) throws Exception {
            DeliveryCatalog catalog = WorkspaceCatalog.read(session.ports().workspace());
            ChangeBase changeBase = new ChangeBase(base, targetBranch, lastSuccessfulCommit);
            return new ChangedServices(session.ports()).run(new ChangedServicesRequest(catalog, changeBase)).toMap();
        }

        @Override
        public String target() {
            return "the services changed in this workspace";
        }

        @Override
        public String stopWaitsFor() {
            return "the running git command to end";
        }

        @Override
        public boolean resumable() {
            return true;
        }
    }

    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends DeliveryStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Find the services a change affects");
        }
    }
}
