package io.jenkins.plugins.kubedelivery.jenkins.canary;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.required;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code istio(virtualService: 'payments')}: the route weights of an Istio VirtualService. */
public final class IstioCanaryRouter extends CanaryRouter {
    private final String virtualService;
    private String route;

    @DataBoundConstructor
    public IstioCanaryRouter(String virtualService) {
        this.virtualService = virtualService;
    }

    public String getVirtualService() { return virtualService; }
    public String getRoute() { return route; }

    @DataBoundSetter public void setRoute(String route) { this.route = optional(route); }

    @Override
    RouterSpec spec() {
        return new RouterSpec.Istio(required("router", virtualService, "the VirtualService, e.g. istio(virtualService: 'payments')"),
                route);
    }

    @Extension
    @Symbol("istio")
    public static final class DescriptorImpl extends Descriptor<CanaryRouter> {
        public DescriptorImpl() {
            super(IstioCanaryRouter.class);
        }

        @Override
        public String getDisplayName() {
            return "Istio (VirtualService weights)";
        }
    }
}
