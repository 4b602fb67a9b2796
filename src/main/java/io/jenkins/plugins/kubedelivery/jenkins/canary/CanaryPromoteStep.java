package io.jenkins.plugins.kubedelivery.jenkins.canary;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.orDefault;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.required;

import hudson.Extension;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryPromote;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryPromoteRequest;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryTarget;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.DurationText;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import io.jenkins.plugins.kubedelivery.jenkins.StepCall;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code canaryPromote}: promotes this build's paused canary now, skipping its remaining steps and
 * analysis (Argo Rollouts' {@code promote --full}), through the engine's {@link CanaryPromote}.
 */
public final class CanaryPromoteStep extends AbstractCanaryControlStep {
    public static final String FUNCTION_NAME = "canaryPromote";

    private final String imageTag;
    private String timeout = DEFAULT_HELM_TIMEOUT;

    @DataBoundConstructor
    public CanaryPromoteStep(String service, String environment, String imageTag) {
        super(service, environment);
        this.imageTag = imageTag;
    }

    public String getImageTag() { return imageTag; }
    public String getTimeout() { return timeout; }

    @DataBoundSetter public void setTimeout(String timeout) { this.timeout = orDefault(timeout, DEFAULT_HELM_TIMEOUT); }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    protected StepCall call(StepContext context) throws Exception {
        CanaryTarget target = target();
        RouterSpec router = routerSpec();
        DeployRequest deploy = DeployRequest.builder(target.service(), target.environment())
                .imageTag(required("imageTag", imageTag, "the canary's image tag, the same as canaryShift's"))
                .namespace(target.namespace())
                .release(target.release())
                .timeout(DurationText.parse("timeout", timeout))
                .build();
        return new Call(new CanaryPromoteRequest(deploy, CanaryShiftStep.build(context)), router, clusterAccess(),
                describeTarget());
    }

    /**
     * Not resumable: once the promotion has sent traffic back to stable, the cluster no longer records the
     * canary, so a second run could not tell a finished promotion from no canary at all.
     */
    private record Call(CanaryPromoteRequest request, RouterSpec router, ClusterAccess clusterAccess, String target)
            implements StepCall {
        private static final long serialVersionUID = 1L;

        @Override
        public Object run(EngineSession session) throws Exception {
            return new CanaryPromote(session.ports(), session.cluster(), router).run(request).toMap();
        }

        @Override
        public String stopWaitsFor() {
            return CanaryShiftStep.STOP_WAITS_FOR;
        }

        @Override
        public String resumeAdvice() {
            return "Run canaryStatus for " + target + ": if the canary still runs, end it with canaryAbort and release again;"
                    + " if not, helm history of the stable release shows whether it was upgraded.";
        }
    }

    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends CanaryStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Promote this build's paused canary now: stable upgraded, canary removed");
        }
    }
}
