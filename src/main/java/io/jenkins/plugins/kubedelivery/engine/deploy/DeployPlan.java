package io.jenkins.plugins.kubedelivery.engine.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A checked deploy request with every convention resolved: what the commands will be built from.
 *
 * @param chart the chart as helm is given it: a tool path of a workspace directory, or {@code repo/chart}
 * @param chartLabel the chart as the user named it, for the log
 * @param valuesFiles workspace-relative values files, in the order helm applies them
 * @param generatedValues values from {@code values}, {@code imageTag} and {@code imageRepository}, nested; may be empty
 */
public record DeployPlan(String service, String environment, String release, String namespace, String chart,
        String chartLabel, String chartVersion, List<String> valuesFiles, Map<String, Object> generatedValues,
        Duration timeout, boolean waitForReady, boolean atomic, int historyMax, boolean createNamespace,
        boolean dryRun, boolean recoverStuckRelease) {}
