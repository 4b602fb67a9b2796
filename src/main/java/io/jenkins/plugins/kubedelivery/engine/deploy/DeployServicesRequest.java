package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.monorepo.CatalogSettings;
import java.util.List;
import java.util.Map;

/**
 * What {@code deployServices} was asked to do. Holds the template's secret values, so it is never
 * kept with a build.
 *
 * @param services the services, in the order their results are returned
 * @param template the settings every service shares; its service is ignored
 * @param parallelism how many deploys run at the same time
 * @param catalogued by service, what {@code delivery.yaml} says of it: its {@code release} and
 *     {@code chart}, where set, replace the conventions; a service not in the map keeps them
 * @param dependsOn by service of the repository, the services it depends on ({@code delivery.yaml}'s
 *     {@code dependsOn}): a service is deployed after those of this request it depends on
 */
public record DeployServicesRequest(List<String> services, DeployRequest template, int parallelism,
        Map<String, CatalogSettings> catalogued, Map<String, List<String>> dependsOn) {
    public DeployServicesRequest {
        catalogued = catalogued == null ? Map.of() : Map.copyOf(catalogued);
        dependsOn = dependsOn == null ? Map.of() : Map.copyOf(dependsOn);
    }

    /** With no service depending on another: all in one wave. */
    public DeployServicesRequest(List<String> services, DeployRequest template, int parallelism,
            Map<String, CatalogSettings> catalogued) {
        this(services, template, parallelism, catalogued, Map.of());
    }

    /** Every service by the conventions. */
    public DeployServicesRequest(List<String> services, DeployRequest template, int parallelism) {
        this(services, template, parallelism, Map.of());
    }
}
