package io.jenkins.plugins.kubedelivery.jenkins.canary;

import hudson.model.AbstractDescribableImpl;
import io.jenkins.plugins.kubedelivery.engine.canary.CheckSpec;

/**
 * One entry of {@code canaryShift}'s {@code analysis} list: a nested describable per kind of check
 * ({@code errorRate}, {@code latency}, {@code prometheus}), converted into the engine's
 * {@link CheckSpec} (which checks it, the same as a check from {@code delivery.yaml}) when the step starts.
 */
public abstract class CanaryCheck extends AbstractDescribableImpl<CanaryCheck> {
    /** @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming {@code analysis} */
    abstract CheckSpec spec();
}
