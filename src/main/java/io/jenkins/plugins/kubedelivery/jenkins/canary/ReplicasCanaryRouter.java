package io.jenkins.plugins.kubedelivery.jenkins.canary;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code replicas()}: no L7 router; the weight is the canary's share of the pods behind the stable Service. */
public final class ReplicasCanaryRouter extends CanaryRouter {
    @DataBoundConstructor
    public ReplicasCanaryRouter() {}

    @Override
    RouterSpec spec() {
        return new RouterSpec.Replicas();
    }

    @Extension
    @Symbol("replicas")
    public static final class DescriptorImpl extends Descriptor<CanaryRouter> {
        public DescriptorImpl() {
            super(ReplicasCanaryRouter.class);
        }

        @Override
        public String getDisplayName() {
            return "Replicas (share of pods, no L7 router)";
        }
    }
}
