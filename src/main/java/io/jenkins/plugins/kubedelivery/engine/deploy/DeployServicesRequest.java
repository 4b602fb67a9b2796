package io.jenkins.plugins.kubedelivery.engine.deploy;

import java.util.List;

/**
 * What {@code deployServices} was asked to do. Holds the template's secret values, so it is never
 * kept with a build.
 *
 * @param services the services, in the order their results are returned
 * @param template the settings every service shares; its service is ignored
 * @param parallelism how many deploys run at the same time
 */
public record DeployServicesRequest(List<String> services, DeployRequest template, int parallelism) {}
