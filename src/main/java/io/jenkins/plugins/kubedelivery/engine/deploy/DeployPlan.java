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
 * @param generatedValues values from {@code values}, {@code secretValues}, {@code imageTag} and {@code imageRepository},
 *     nested; may be empty; holds secrets, so {@link #toString} leaves it out
 * @param secretKeys the dotted keys of {@code secretValues}, for the log
 */
public record DeployPlan(String service, String environment, String release, String namespace, String chart,
        String chartLabel, String chartVersion, List<String> valuesFiles, Map<String, Object> generatedValues,
        List<String> secretKeys, Duration timeout, boolean waitForReady, boolean atomic, int historyMax, boolean createNamespace,
        boolean dryRun, boolean recoverStuckRelease) {

    /** Everything but the values, which may be secret: the keys are named instead. */
    @Override
    public String toString() {
        return "DeployPlan[service=" + service + ", environment=" + environment + ", release=" + release + ", namespace="
                + namespace + ", chart=" + chartLabel + ", chartVersion=" + chartVersion + ", valuesFiles=" + valuesFiles
                + ", generatedValues for " + generatedValues.keySet() + ", secretKeys=" + secretKeys + ", timeout=" + timeout
                + ", waitForReady=" + waitForReady + ", atomic=" + atomic + ", historyMax=" + historyMax + ", createNamespace="
                + createNamespace + ", dryRun=" + dryRun + ", recoverStuckRelease=" + recoverStuckRelease + "]";
    }
}
