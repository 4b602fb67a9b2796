package io.jenkins.plugins.kubedelivery.engine.preview;

import io.jenkins.plugins.kubedelivery.engine.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reap did (or, for a dry run, would do).
 *
 * @param kept namespace to the reason it stays
 * @param failed namespace to the reason its deletion failed
 */
public record ReapResult(List<String> deleted, Map<String, String> kept, Map<String, String> failed, boolean dryRun,
        long durationMillis) implements StepResult {

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("deleted", new ArrayList<>(deleted));
        map.put("kept", new ArrayList<>(kept.keySet()));
        map.put("failed", new LinkedHashMap<>(failed));
        map.put("dryRun", dryRun);
        map.put("durationMillis", durationMillis);
        return map;
    }
}
