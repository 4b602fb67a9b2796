package io.jenkins.plugins.kubedelivery.jenkins.canary;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.required;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code nginx(ingress: 'payments')}: ingress-nginx, through a canary Ingress beside the stable one. */
public final class NginxCanaryRouter extends CanaryRouter {
    private final String ingress;

    @DataBoundConstructor
    public NginxCanaryRouter(String ingress) {
        this.ingress = ingress;
    }

    public String getIngress() { return ingress; }

    @Override
    RouterSpec spec() {
        return new RouterSpec.Nginx(required("router", ingress, "the stable Ingress, e.g. nginx(ingress: 'payments')"));
    }

    @Extension
    @Symbol("nginx")
    public static final class DescriptorImpl extends Descriptor<CanaryRouter> {
        public DescriptorImpl() {
            super(NginxCanaryRouter.class);
        }

        @Override
        public String getDisplayName() {
            return "ingress-nginx (canary Ingress)";
        }
    }
}
