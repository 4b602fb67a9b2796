package io.jenkins.plugins.kubedelivery.engine.monorepo;

/**
 * A service a change affects, and why, as the log says it: {@code search: depends on payments, which
 * changed in payments/src/Api.java}.
 */
public record AffectedService(String service, String reason) {
    @Override
    public String toString() {
        return service + ": " + reason;
    }
}
