package io.jenkins.plugins.kubedelivery.engine.monorepo;

import java.util.List;

/**
 * A service a change affects, and why, as the log says it: {@code search: depends on payments, which
 * changed in payments/src/Api.java}.
 *
 * @param dependsOn the services it depends on ({@code dependsOn} in {@code delivery.yaml}) that the
 *     change affects too: they are to be delivered before it. Direct dependencies are enough for
 *     that order, since a service depending on an affected one is affected itself: a chain of
 *     dependencies between two affected services is affected all along.
 */
public record AffectedService(String service, String reason, List<String> dependsOn) {
    public AffectedService {
        dependsOn = List.copyOf(dependsOn);
    }

    @Override
    public String toString() {
        return service + ": " + reason;
    }
}
