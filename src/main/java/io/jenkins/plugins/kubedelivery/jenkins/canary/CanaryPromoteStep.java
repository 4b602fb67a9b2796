package io.jenkins.plugins.kubedelivery.jenkins.canary;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.orDefault;

import hudson.Extension;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryClock;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryPromote;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryPromoteRequest;
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
 * {@code canaryPromote}: lets this build's paused canary go on to its next steps with their pauses and analysis (Argo
 * Rollouts' {@code promote}), or with {@code full: true} promotes it now ({@code promote --full}), through the engine's
 * {@link CanaryPromote}, which reads the canary's plan back from the cluster.
 */
public final class CanaryPromoteStep extends AbstractCanaryControlStep {
    public static final String FUNCTION_NAME = "canaryPromote";

    private String imageTag;
    private boolean full;
    private String timeout = DEFAULT_HELM_TIMEOUT;

    @DataBoundConstructor
    public CanaryPromoteStep(String service, String environment) {
        super(service, environment);
    }

    /** Deprecated: the stable release is upgraded with the canary release's own values; when given it must be the canary's tag. */
    public String getImageTag() { return imageTag; }
    public boolean isFull() { return full; }
    public String getTimeout() { return timeout; }

    @DataBoundSetter public void setImageTag(String imageTag) { this.imageTag = optional(imageTag); }
    @DataBoundSetter public void setFull(boolean full) { this.full = full; }
    @DataBoundSetter public void setTimeout(String timeout) { this.timeout = orDefault(timeout, DEFAULT_HELM_TIMEOUT); }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    protected StepCall call(StepContext context) throws Exception {
        RouterSpec router = routerSpec();
        CanaryPromoteRequest request = new CanaryPromoteRequest(target(), DurationText.parse("timeout", timeout), imageTag, full,
                CanaryShiftStep.build(context));
        return new Call(request, router, clusterAccess(), describeTarget());
    }

    /**
     * Resumable: the cluster records whether the canary's step was paused for a person. A run again after a restart finds
     * either that pause (not yet let go: it is let go now), a step that was running (it is measured again, as canaryShift
     * does), or no canary any more (the promotion had finished, or the canary was aborted: it says so and fails).
     */
    private record Call(CanaryPromoteRequest request, RouterSpec router, ClusterAccess clusterAccess, String target)
            implements StepCall {
        private static final long serialVersionUID = 2L;

        @Override
        public StepCall resolved(EngineSession session) throws Exception {
            return AbstractCanaryControlStep.resolved(session, this, request.target(), router,
                    (target, router, access) -> new Call(new CanaryPromoteRequest(target, request.timeout(), request.imageTag(),
                            request.full(), request.build()), router, access, target()));
        }

        @Override
        public Object run(EngineSession session) throws Exception {
            return CanaryShiftStep.stepResult(new CanaryPromote(session.ports(), session.cluster(), router,
                    new PrometheusSource(session), CanaryClock.SYSTEM).run(request));
        }

        @Override
        public String stopWaitsFor() {
            return CanaryShiftStep.STOP_WAITS_FOR;
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
            super(FUNCTION_NAME, "Carry this build's paused canary on to its next steps, or promote it now (full)");
        }
    }
}
