package io.jenkins.plugins.kubedelivery.engine.preview;

import io.jenkins.plugins.kubedelivery.engine.StepResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What createPreviewNamespace did; {@code created} is false when the namespace was only renewed. */
public record PreviewResult(String namespace, String url, Instant expiresAt, boolean created, Map<String, String> labels,
        List<String> copiedSecrets, long durationMillis) implements StepResult {

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("namespace", namespace);
        map.put("url", url);
        map.put("expiresAt", expiresAt.toString());
        map.put("created", created);
        map.put("labels", new LinkedHashMap<>(labels));
        map.put("copiedSecrets", new ArrayList<>(copiedSecrets));
        map.put("durationMillis", durationMillis);
        return map;
    }
}
