package io.jenkins.plugins.kubedelivery.engine.canary;

import java.io.Serializable;
import java.time.Duration;

/**
 * What {@code canaryAbort} was asked: whose canary, and how long helm may take to uninstall it.
 */
public record CanaryAbortRequest(CanaryTarget target, Duration timeout) implements Serializable {
    private static final long serialVersionUID = 1L;
}
