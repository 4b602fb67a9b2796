package io.jenkins.plugins.kubedelivery.jenkins.canary;

import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import java.util.List;
import jenkins.model.Jenkins;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;

/**
 * {@code canaryShift}'s {@code router} parameter: one nested describable per router, each with its
 * {@code @Symbol} ({@code nginx}, {@code gatewayApi}, {@code istio}, {@code replicas}), converted
 * into the engine's {@link RouterSpec} when the step starts.
 */
public abstract class CanaryRouter extends AbstractDescribableImpl<CanaryRouter> {
    /** @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming {@code router} */
    abstract RouterSpec spec();

    /** Every router, for the steps' forms ({@code f:dropdownDescriptorSelector}), in the order the help lists them. */
    static List<Descriptor<CanaryRouter>> descriptors() {
        Jenkins jenkins = Jenkins.get();
        return List.of(jenkins.getDescriptorByType(NginxCanaryRouter.DescriptorImpl.class),
                jenkins.getDescriptorByType(GatewayApiCanaryRouter.DescriptorImpl.class),
                jenkins.getDescriptorByType(IstioCanaryRouter.DescriptorImpl.class),
                jenkins.getDescriptorByType(ReplicasCanaryRouter.DescriptorImpl.class));
    }
}
