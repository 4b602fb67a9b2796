package io.jenkins.plugins.kubedelivery.jenkins.canary;

import hudson.model.AbstractDescribableImpl;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;

/**
 * {@code canaryShift}'s {@code router} parameter: one nested describable per router, each with its
 * {@code @Symbol} ({@code nginx}, {@code gatewayApi}, {@code istio}, {@code replicas}), converted
 * into the engine's {@link RouterSpec} when the step starts.
 */
public abstract class CanaryRouter extends AbstractDescribableImpl<CanaryRouter> {
    /** @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming {@code router} */
    abstract RouterSpec spec();
}
