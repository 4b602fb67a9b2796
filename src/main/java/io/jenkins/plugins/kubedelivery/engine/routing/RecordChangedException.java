package io.jenkins.plugins.kubedelivery.engine.routing;

/**
 * A routing object no longer carries the canary state a decision was made on (another run took the
 * canary over, or ended it, in between): whatever was to follow from that decision must not happen.
 */
public final class RecordChangedException extends RoutingException {
    private static final long serialVersionUID = 1L;

    public RecordChangedException(String message) {
        super(message);
    }
}
