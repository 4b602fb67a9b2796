package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.StepResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code canaryAbort} ended.
 *
 * @param weightBefore the canary's percent the routing objects carried before the abort
 * @param build who started the canary, null when nothing was recorded
 * @param canaryReleaseRemoved whether a canary release was there and was uninstalled
 */
public record CanaryAbortResult(String release, String canaryRelease, String namespace, int weightBefore, String build,
        boolean canaryReleaseRemoved, long durationMillis) implements StepResult {

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("release", release);
        map.put("canaryRelease", canaryRelease);
        map.put("namespace", namespace);
        map.put("weightBefore", weightBefore);
        map.put("build", build);
        map.put("canaryReleaseRemoved", canaryReleaseRemoved);
        map.put("durationMillis", durationMillis);
        return map;
    }
}
