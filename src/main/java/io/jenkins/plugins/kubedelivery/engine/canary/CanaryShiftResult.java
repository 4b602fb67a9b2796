package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.StepResult;
import io.jenkins.plugins.kubedelivery.engine.analysis.Measurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a canary ended.
 *
 * @param state {@link State#PROMOTED}, {@link State#ABORTED}, or {@link State#PAUSED} (the canary still runs at
 *     {@code weight}, for a person to decide)
 * @param weight the canary's share of traffic when the step returned (0 once promoted or aborted: all on stable)
 * @param reason why it ended so, with the numbers
 * @param measurements every measurement taken by this execution, oldest first
 */
public record CanaryShiftResult(String release, String canaryRelease, String namespace, State state, int weight,
        String reason, List<Measurement> measurements, long durationMillis) implements StepResult {
    public enum State { PROMOTED, ABORTED, PAUSED }

    public CanaryShiftResult {
        measurements = List.copyOf(measurements);
    }

    public boolean promoted() {
        return state == State.PROMOTED;
    }

    public boolean aborted() {
        return state == State.ABORTED;
    }

    public boolean paused() {
        return state == State.PAUSED;
    }

    /** The step's return value: plain types only, so that a pipeline can read and keep it. */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("release", release);
        map.put("canaryRelease", canaryRelease);
        map.put("namespace", namespace);
        map.put("state", state.name().toLowerCase(Locale.ROOT));
        map.put("weight", weight);
        map.put("promoted", promoted());
        map.put("aborted", aborted());
        map.put("paused", paused());
        map.put("reason", reason);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Measurement m : measurements) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("check", m.check());
            entry.put("at", m.at().toString());
            entry.put("phase", m.phase().name().toLowerCase(Locale.ROOT));
            entry.put("value", m.value());
            entry.put("detail", m.detail());
            list.add(entry);
        }
        map.put("measurements", list);
        map.put("durationMillis", durationMillis);
        return map;
    }
}
