package io.jenkins.plugins.kubedelivery.engine.monorepo;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the repository delivers: its services and environments, from the conventions and, where the
 * repository has one, {@code delivery.yaml}. Immutable and validated when read.
 *
 * @param services by name, in the order the file and the conventions give them
 * @param environments the environments {@code delivery.yaml} defines; others follow the conventions
 * @param preview preview settings from {@code delivery.yaml}
 * @param canary canary defaults from {@code delivery.yaml}
 */
public record DeliveryCatalog(Map<String, ServiceDefinition> services, Map<String, EnvironmentDefinition> environments,
        PreviewDefaults preview, CanaryDefaults canary) {
    public DeliveryCatalog {
        services = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
        environments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    }

    /** @throws ValidationException naming the parameter when the service is unknown, with the closest known one */
    public ServiceDefinition service(String parameter, String name) {
        ServiceDefinition service = services.get(name);
        if (service == null) {
            throw new ValidationException(parameter, "no service '" + name + "' in this repository" + DidYouMean.suggest(name,
                    services.keySet()) + "; services are the charts under helm/ and those delivery.yaml lists: "
                    + new ArrayList<>(services.keySet()));
        }
        return service;
    }

    /** The environment as {@code delivery.yaml} defines it, or by convention. */
    public EnvironmentDefinition environment(String name) {
        return Optional.ofNullable(environments.get(name)).orElseGet(() -> EnvironmentDefinition.byConvention(name));
    }
}
