package io.jenkins.plugins.kubedelivery.jenkins.canary;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.Threshold;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.RequestMetrics;
import java.util.Optional;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code errorRate(max: 0.01)}: the canary's share of 5xx answers, from the router's request metrics. */
public final class ErrorRateCheck extends CanaryCheck {
    static final String NAME = "error-rate";

    private final double max;

    @DataBoundConstructor
    public ErrorRateCheck(double max) {
        this.max = max;
    }

    public double getMax() { return max; }

    @Override
    String name() {
        return NAME;
    }

    @Override
    Threshold threshold() {
        if (!(max >= 0 && max <= 1)) {
            throw new io.jenkins.plugins.kubedelivery.engine.ValidationException("analysis", "errorRate(max: " + max
                    + ") is a share of requests from 0 to 1, e.g. 0.01 for 1%");
        }
        return Threshold.atMost(max);
    }

    @Override
    MetricQuery query(Optional<RequestMetrics> metrics) {
        return builtIn(metrics, "errorRate").errorRate();
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
