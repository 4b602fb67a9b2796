package io.jenkins.plugins.kubedelivery.jenkins.canary;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryStep;
import io.jenkins.plugins.kubedelivery.engine.canary.Pause;
import io.jenkins.plugins.kubedelivery.jenkins.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code steps} as a Pipeline writes it: weights ({@code [10, 25, 50, 100]}, each held for
 * {@code pause}) or maps with their own pause ({@code [weight: 50, pause: 'manual']}), in one list.
 * The last step is not held: at its weight and a passing analysis the canary is promoted.
 */
final class WeightSteps {
    static final String MANUAL = "manual";

    private WeightSteps() {}

    static List<CanaryStep> parse(List<?> steps, String defaultPause) {
        if (steps == null || steps.isEmpty()) {
            throw new ValidationException("steps", "needs at least one weight, for example [10, 25, 50, 100]");
        }
        Pause pause = pause("pause", defaultPause);
        List<CanaryStep> parsed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String where = "steps[" + i + "]";
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step instanceof Map<?, ?> map) {
                for (Object key : map.keySet()) {
                    if (!"weight".equals(key) && !"pause".equals(key)) {
                        throw new ValidationException(where, "has the key '" + key + "'; a step has only weight and pause,"
                                + " e.g. [weight: 50, pause: 'manual']");
                    }
                }
                Object own = map.get("pause");
                parsed.add(new CanaryStep(weight(where, map.get("weight")), own == null ? (last ? Pause.NONE : pause)
                        : pause(where, String.valueOf(own))));
            } else {
                parsed.add(new CanaryStep(weight(where, step), last ? Pause.NONE : pause));
            }
        }
        return parsed;
    }

    /**
     * The steps as plain serializable values (whole numbers, and maps of weight and pause text), to be
     * kept with a resumable call; {@code null} when none are given.
     *
     * @throws ValidationException naming {@code steps} when they cannot be parsed
     */
    static List<Object> portable(List<?> steps, String defaultPause) {
        if (steps == null || steps.isEmpty()) {
            return null;
        }
        parse(steps, defaultPause);
        List<Object> copy = new ArrayList<>();
        for (Object step : steps) {
            if (step instanceof Map<?, ?> map) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("weight", ((Number) map.get("weight")).intValue());
                if (map.get("pause") != null) {
                    entry.put("pause", String.valueOf(map.get("pause")));
                }
                copy.add(entry);
            } else {
                copy.add(((Number) step).intValue());
            }
        }
        return copy;
    }

    private static int weight(String where, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long weight = ((Number) value).longValue();
            if (weight >= 1 && weight <= 100) {
                return (int) weight;
            }
        }
        throw new ValidationException(where, "weight " + value + " is not a whole percentage from 1 to 100, e.g. 25");
    }

    private static Pause pause(String parameter, String text) {
        if (text != null && MANUAL.equals(text.trim().toLowerCase(Locale.ROOT))) {
            return new Pause.Manual();
        }
        Duration duration = DurationText.parse(parameter, text);
        return new Pause.Timed(duration);
    }
}
