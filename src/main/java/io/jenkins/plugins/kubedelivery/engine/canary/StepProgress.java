package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.analysis.Measurement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a canary is within its plan: the step whose weight is set, since when, and the
 * measurements taken at that weight. Immutable; each measurement round gives a new one.
 *
 * @param stepIndex index into the plan's steps of the weight now set
 * @param weightSetAt when the router confirmed that weight
 * @param measurements per check name, oldest first, only those taken at this weight
 */
public record StepProgress(int stepIndex, Instant weightSetAt, Map<String, List<Measurement>> measurements) {
    public StepProgress {
        Map<String, List<Measurement>> copy = new LinkedHashMap<>();
        measurements.forEach((check, list) -> copy.put(check, List.copyOf(list)));
        measurements = Map.copyOf(copy);
    }

    /** A step just begun: its weight set now, nothing measured yet. */
    public static StepProgress begin(int stepIndex, Instant weightSetAt) {
        return new StepProgress(stepIndex, weightSetAt, Map.of());
    }

    public List<Measurement> of(String check) {
        return measurements.getOrDefault(check, List.of());
    }

    public StepProgress with(List<Measurement> round) {
        Map<String, List<Measurement>> next = new LinkedHashMap<>(measurements);
        for (Measurement m : round) {
            List<Measurement> list = new ArrayList<>(next.getOrDefault(m.check(), List.of()));
            list.add(m);
            next.put(m.check(), list);
        }
        return new StepProgress(stepIndex, weightSetAt, next);
    }
}
