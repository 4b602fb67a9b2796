package io.jenkins.plugins.kubedelivery.jenkins.canary;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.Threshold;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.RequestMetrics;
import java.util.Optional;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code latency(percentile: 99, maxMillis: 500)}: the canary's request duration at a percentile. */
public final class LatencyCheck extends CanaryCheck {
    static final int DEFAULT_PERCENTILE = 99;

    private final double maxMillis;
    private int percentile = DEFAULT_PERCENTILE;

    @DataBoundConstructor
    public LatencyCheck(double maxMillis) {
        this.maxMillis = maxMillis;
    }

    public double getMaxMillis() { return maxMillis; }
    public int getPercentile() { return percentile; }

    @DataBoundSetter public void setPercentile(int percentile) { this.percentile = percentile; }

    @Override
    String name() {
        return "latency-p" + percentile;
    }

    @Override
    Threshold threshold() {
        if (!(maxMillis > 0) || Double.isInfinite(maxMillis)) {
            throw new ValidationException("analysis", "latency(maxMillis: " + maxMillis + ") must be a number of milliseconds above 0");
        }
        return Threshold.atMost(maxMillis);
    }

    @Override
    MetricQuery query(Optional<RequestMetrics> metrics) {
        if (percentile < 1 || percentile > 99) {
            throw new ValidationException("analysis", "latency(percentile: " + percentile + ") must be from 1 to 99, e.g. 99");
        }
        return builtIn(metrics, "latency").latency(percentile);
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
            return DEFAULT_PERCENTILE;
        }
    }
}
