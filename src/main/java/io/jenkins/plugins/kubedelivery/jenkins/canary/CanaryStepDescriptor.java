package io.jenkins.plugins.kubedelivery.jenkins.canary;

import hudson.model.Descriptor;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterStepDescriptor;
import java.util.List;

/** The descriptor of the canary steps: their forms offer the routers ({@code f:dropdownDescriptorSelector}). */
public abstract class CanaryStepDescriptor extends ClusterStepDescriptor {
    protected CanaryStepDescriptor(String functionName, String displayName) {
        super(functionName, displayName);
    }

    /** Every router, in the order the help lists them. */
    public List<Descriptor<CanaryRouter>> getRouterDescriptors() {
        return CanaryRouter.descriptors();
    }
}
