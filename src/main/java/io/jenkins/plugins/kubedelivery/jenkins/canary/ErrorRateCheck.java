package io.jenkins.plugins.kubedelivery.jenkins.canary;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.kubedelivery.engine.canary.CheckSpec;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code errorRate(max: 0.01)}: the canary's share of 5xx answers, from the router's request metrics. */
public final class ErrorRateCheck extends CanaryCheck {
    private final double max;

    @DataBoundConstructor
    public ErrorRateCheck(double max) {
        this.max = max;
    }

    public double getMax() { return max; }

    @Override
    CheckSpec spec() {
        return new CheckSpec.ErrorRate(max);
    }

    @Extension
    @Symbol("errorRate")
    public static final class DescriptorImpl extends Descriptor<CanaryCheck> {
        public DescriptorImpl() {
            super(ErrorRateCheck.class);
        }

        @Override
        public String getDisplayName() {
            return "Error rate (share of 5xx answers)";
        }
    }
}
