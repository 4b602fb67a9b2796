package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.required;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.PlainValues;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code deployServices} parameters after conversion: the services, how many at a time, and
 * one request carrying the shared {@link DeploySettings} that the engine copies per service.
 */
final class DeployServicesParameters implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> services;
    private final String environment;
    private final int parallelism;
    private final String fallbackValuesEnvironment;
    private final DeploySettings settings;

    private DeployServicesParameters(DeployServicesStep step) {
        services = PlainValues.copyStrings("services", step.getServices());
        environment = required("environment", step.getEnvironment(), DeployParameters.ENVIRONMENT_EXAMPLE);
        parallelism = step.getParallelism();
        if (parallelism < 1) {
            throw new ValidationException("parallelism", parallelism + " deploys at a time would deploy nothing; give 1 or"
                    + " more (default 4)");
        }
        fallbackValuesEnvironment = step.getFallbackValuesEnvironment();
        settings = DeploySettings.of(step);
    }

    /** @throws ValidationException naming the parameter that cannot be converted */
    static DeployServicesParameters of(DeployServicesStep step) {
        return new DeployServicesParameters(step);
    }

    List<String> services() {
        return services;
    }

    int parallelism() {
        return parallelism;
    }

    /** The settings every service shares; the engine sets each service (and its release and chart). */
    DeployRequest template() {
        String anyService = services.isEmpty() ? "" : services.get(0);
        return settings.applyTo(DeployRequest.builder(anyService, environment))
                .fallbackValuesEnvironment(fallbackValuesEnvironment)
                .build();
    }

    ClusterAccess clusterAccess() {
        return settings.clusterAccess();
    }

    String target() {
        return services.size() + " services (" + String.join(", ", services) + ") in "
                + (settings.namespace() != null ? "namespace " + settings.namespace() : "environment " + environment);
    }

    boolean dryRun() {
        return settings.dryRun();
    }
}
