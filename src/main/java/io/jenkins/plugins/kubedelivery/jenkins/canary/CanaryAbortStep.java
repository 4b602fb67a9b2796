package io.jenkins.plugins.kubedelivery.jenkins.canary;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.orDefault;

import hudson.Extension;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryAbort;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryAbortRequest;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.DurationText;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import io.jenkins.plugins.kubedelivery.jenkins.StepCall;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code canaryAbort}: ends a service's canary, whichever build started it (a paused one, or a
 * leftover of a killed build): all traffic back on stable first, then the canary release removed.
 */
public final class CanaryAbortStep extends AbstractCanaryControlStep {
    public static final String FUNCTION_NAME = "canaryAbort";

    private String timeout = DEFAULT_HELM_TIMEOUT;

    @DataBoundConstructor
    public CanaryAbortStep(String service, String environment) {
        super(service, environment);
    }

    public String getTimeout() { return timeout; }

    @DataBoundSetter public void setTimeout(String timeout) { this.timeout = orDefault(timeout, DEFAULT_HELM_TIMEOUT); }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    protected StepCall call(StepContext context) {
        return new Call(new CanaryAbortRequest(target(), DurationText.parse("timeout", timeout)), routerSpec(), clusterAccess(),
                describeTarget());
    }

    /** A reset and an uninstall that find nothing left change nothing, so it simply runs again after a restart. */
    private record Call(CanaryAbortRequest request, RouterSpec router, ClusterAccess clusterAccess, String target)
            implements StepCall {
        private static final long serialVersionUID = 1L;

        @Override
        public StepCall resolved(EngineSession session) throws Exception {
            return AbstractCanaryControlStep.resolved(session, this, request.target(), router,
                    (target, router, access) -> new Call(new CanaryAbortRequest(target, request.timeout()), router, access, target()));
        }

        @Override
        public Object run(EngineSession session) throws Exception {
            return new CanaryAbort(session.ports(), session.cluster(), router).run(request).toMap();
        }

        @Override
        public String stopWaitsFor() {
            return "the running command to end (traffic goes back to stable before the canary release is removed)";
        }

        @Override
        public boolean resumable() {
            return true;
        }
    }

    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends CanaryStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Abort a service's canary: traffic back to stable, canary release removed");
        }
    }
}
