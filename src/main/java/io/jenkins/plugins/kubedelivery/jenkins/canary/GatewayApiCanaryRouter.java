package io.jenkins.plugins.kubedelivery.jenkins.canary;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.required;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code gatewayApi(route: 'payments')}: the backend weights of a Gateway API HTTPRoute. */
public final class GatewayApiCanaryRouter extends CanaryRouter {
    private final String route;
    private String rule;

    @DataBoundConstructor
    public GatewayApiCanaryRouter(String route) {
        this.route = route;
    }

    public String getRoute() { return route; }
    public String getRule() { return rule; }

    @DataBoundSetter public void setRule(String rule) { this.rule = optional(rule); }

    @Override
    RouterSpec spec() {
        return new RouterSpec.GatewayApi(required("router", route, "the HTTPRoute, e.g. gatewayApi(route: 'payments')"), rule);
    }

    @Extension
    @Symbol("gatewayApi")
    public static final class DescriptorImpl extends Descriptor<CanaryRouter> {
        public DescriptorImpl() {
            super(GatewayApiCanaryRouter.class);
        }

        @Override
        public String getDisplayName() {
            return "Gateway API (HTTPRoute weights)";
        }
    }
}
