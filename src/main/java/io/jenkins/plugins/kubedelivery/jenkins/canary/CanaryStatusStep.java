package io.jenkins.plugins.kubedelivery.jenkins.canary;

import hudson.Extension;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryStatus;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryTarget;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import io.jenkins.plugins.kubedelivery.jenkins.StepCall;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code canaryStatus}: where a service's canary stands, read from the cluster; changes nothing. */
public final class CanaryStatusStep extends AbstractCanaryControlStep {
    public static final String FUNCTION_NAME = "canaryStatus";

    @DataBoundConstructor
    public CanaryStatusStep(String service, String environment) {
        super(service, environment);
    }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    protected StepCall call(StepContext context) {
        return new Call(target(), routerSpec(), clusterAccess(), describeTarget());
    }

    /** Reads only, so it simply runs again after a restart. */
    private record Call(CanaryTarget request, RouterSpec router, ClusterAccess clusterAccess, String target) implements StepCall {
        private static final long serialVersionUID = 1L;

        @Override
        public StepCall resolved(EngineSession session) throws Exception {
            return AbstractCanaryControlStep.resolved(session, this, request, router,
                    (target, router, access) -> new Call(target, router, access, target()));
        }

        @Override
        public Object run(EngineSession session) throws Exception {
            return new CanaryStatus(session.ports(), session.cluster(), router).run(request).toMap();
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
            super(FUNCTION_NAME, "Read where a service's canary stands");
        }
    }
}
