package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.StepResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a service's canary stands, as {@code canaryStatus} read it.
 *
 * @param running whether a canary is recorded on the routing objects or the plugin's canary release exists
 * @param weight the canary's percent the routing objects carry now
 * @param recordedWeight the percent the plugin recorded, null when nothing is recorded
 * @param step the recorded step, counting from 0, null when nothing is recorded
 * @param build who started the recorded canary, null when nothing is recorded
 * @param canaryReleaseInstalled whether {@code <release>-canary} exists and is the plugin's canary of this release
 * @param matchesRecord false when someone changed the weights by hand
 * @param paused whether the recorded step ended paused for a person (canaryPromote then carries it on to the next
 *     step), null when nothing is recorded
 * @param plan the recorded plan ({@link CanaryRecord#summary()}), null when none is recorded or it cannot be read
 */
public record CanaryStatusResult(String release, String canaryRelease, String namespace, boolean running, int weight,
        Integer recordedWeight, Integer step, String build, boolean canaryReleaseInstalled, boolean matchesRecord,
        Boolean paused, Map<String, Object> plan) implements StepResult {

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("release", release);
        map.put("canaryRelease", canaryRelease);
        map.put("namespace", namespace);
        map.put("running", running);
        map.put("weight", weight);
        map.put("recordedWeight", recordedWeight);
        map.put("step", step);
        map.put("build", build);
        map.put("canaryReleaseInstalled", canaryReleaseInstalled);
        map.put("matchesRecord", matchesRecord);
        map.put("paused", paused);
        map.put("plan", plan);
        return map;
    }
}
