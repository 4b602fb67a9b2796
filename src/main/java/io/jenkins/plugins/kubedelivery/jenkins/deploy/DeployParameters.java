package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.required;

import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import java.io.Serializable;

/**
 * The {@code deployService} parameters after conversion: the service and what only one service
 * has (release, chart, chart version), plus the shared {@link DeploySettings}; serializable, and
 * turned into the engine's {@link DeployRequest}.
 */
final class DeployParameters implements Serializable {
    private static final long serialVersionUID = 2L;
    static final String SERVICE_EXAMPLE = "the service's folder in the monorepo, e.g. payments";
    static final String ENVIRONMENT_EXAMPLE = "e.g. stage, prod or preview";

    private final String service;
    private final String environment;
    private final String release;
    private final String chart;
    private final String chartVersion;
    private final DeploySettings settings;

    private DeployParameters(DeployServiceStep step) {
        service = required("service", step.getService(), SERVICE_EXAMPLE);
        environment = required("environment", step.getEnvironment(), ENVIRONMENT_EXAMPLE);
        release = step.getRelease();
        chart = step.getChart();
        chartVersion = step.getVersion();
        settings = DeploySettings.of(step);
    }

    /** @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming the parameter that cannot be converted */
    static DeployParameters of(DeployServiceStep step) {
        return new DeployParameters(step);
    }

    DeployRequest toRequest() {
        return settings.applyTo(DeployRequest.builder(service, environment))
                .release(release)
                .chart(chart)
                .chartVersion(chartVersion)
                .build();
    }

    ClusterAccess clusterAccess() {
        return settings.clusterAccess();
    }

    /** The release and namespace as the user sees them before the engine resolves the conventions. */
    String target() {
        return (release != null ? release : service) + " in "
                + (settings.namespace() != null ? "namespace " + settings.namespace() : "environment " + environment);
    }

    boolean dryRun() {
        return settings.dryRun();
    }
}
