package io.jenkins.plugins.kubedelivery.jenkins.canary;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.kubedelivery.engine.canary.CheckSpec;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code latency(percentile: 99, maxMillis: 500)}: the canary's request duration at a percentile. */
public final class LatencyCheck extends CanaryCheck {
    private final double maxMillis;
    private int percentile = CheckSpec.Latency.DEFAULT_PERCENTILE;

    @DataBoundConstructor
    public LatencyCheck(double maxMillis) {
        this.maxMillis = maxMillis;
    }

    public double getMaxMillis() { return maxMillis; }
    public int getPercentile() { return percentile; }

    @DataBoundSetter public void setPercentile(int percentile) { this.percentile = percentile; }

    @Override
    CheckSpec spec() {
        return new CheckSpec.Latency(maxMillis, percentile);
    }

    @Extension
    @Symbol("latency")
    public static final class DescriptorImpl extends Descriptor<CanaryCheck> {
        public DescriptorImpl() {
            super(LatencyCheck.class);
        }

        @Override
        public String getDisplayName() {
            return "Latency at a percentile";
        }

        /** The form's default, the step's own. */
        public int getDefaultPercentile() {
            return CheckSpec.Latency.DEFAULT_PERCENTILE;
        }
    }
}
