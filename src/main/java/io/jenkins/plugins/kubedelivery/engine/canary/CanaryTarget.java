package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import java.io.Serializable;

/**
 * Which service's canary the companion steps look at, as given: unset namespace and release take
 * the monorepo's conventions (the environment, the service), as for {@code deployService}.
 */
public record CanaryTarget(String service, String environment, String namespace, String release) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The checked names: stable release, its canary, the namespace. */
    public record Names(String release, String canaryRelease, String namespace) {}

    /** @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming the parameter */
    public Names resolve() {
        NameRules.requireDnsLabel("service", service);
        String env = NameRules.requireDnsLabel("environment", environment);
        String ns = NameRules.requireDnsLabel("namespace", blankTo(namespace, env));
        String stable = NameRules.requireReleaseName("release", blankTo(release, service));
        return new Names(stable, CanaryRelease.nameFor(release == null || release.isBlank() ? "service" : "release", stable), ns);
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
