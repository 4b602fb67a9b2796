package io.jenkins.plugins.kubedelivery.jenkins.canary;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.kubedelivery.engine.canary.CheckSpec;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code prometheus(name: 'orders-failing', query: '...', max: 5)}: any PromQL query that comes down
 * to one number, with {@code {{namespace}}}, {@code {{service}}}, {@code {{canary}}} and
 * {@code {{interval}}} filled in. The query travels in the request body, never in a command.
 */
public final class PrometheusQueryCheck extends CanaryCheck {
    private final String name;
    private final String query;
    private Double min;
    private Double max;

    @DataBoundConstructor
    public PrometheusQueryCheck(String name, String query) {
        this.name = name;
        this.query = query;
    }

    public String getName() { return name; }
    public String getQuery() { return query; }
    public Double getMin() { return min; }
    public Double getMax() { return max; }

    @DataBoundSetter public void setMin(Double min) { this.min = min; }
    @DataBoundSetter public void setMax(Double max) { this.max = max; }

    @Override
    CheckSpec spec() {
        return new CheckSpec.Query(optional(name), optional(query), min, max);
    }

    @Extension
    @Symbol("prometheus")
    public static final class DescriptorImpl extends Descriptor<CanaryCheck> {
        public DescriptorImpl() {
            super(PrometheusQueryCheck.class);
        }

        @Override
        public String getDisplayName() {
            return "Prometheus query";
        }
    }
}
