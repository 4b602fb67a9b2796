package io.jenkins.plugins.kubedelivery.engine.routing;

import io.jenkins.plugins.kubedelivery.engine.EngineException;

/**
 * A routing object cannot carry the canary's traffic safely, so no traffic moves: the message names
 * the object ({@code ingress prod/payments}) and what to change.
 */
public class RoutingException extends EngineException {
    private static final long serialVersionUID = 1L;

    public RoutingException(String message) {
        super(message);
    }
}
