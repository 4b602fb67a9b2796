package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.StepResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rollback did.
 *
 * @param fromRevision the revision that was current before
 * @param toRevision the revision whose content is now running again
 * @param revision the new revision helm recorded for the rollback
 */
public record RollbackResult(String release, String namespace, int fromRevision, int toRevision, int revision,
        long durationMillis) implements StepResult {

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("release", release);
        map.put("namespace", namespace);
        map.put("fromRevision", fromRevision);
        map.put("toRevision", toRevision);
        map.put("revision", revision);
        map.put("durationMillis", durationMillis);
        return map;
    }
}
