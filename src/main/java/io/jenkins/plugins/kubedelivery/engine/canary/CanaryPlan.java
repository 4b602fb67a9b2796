package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A canary's whole course, checked before anything moves: its weight steps, how often checks are
 * measured, and the checks. Promotion follows the last step, whatever its weight.
 *
 * @param steps weights strictly increasing, each 1 to 100
 * @param interval time between two measurements of the checks
 * @param checks the metrics every step is checked against (may be empty: then only pauses gate steps)
 * @param minRequests requests a measurement must cover to count, for checks that have a request count
 */
public record CanaryPlan(List<CanaryStep> steps, Duration interval, List<MetricCheck> checks, long minRequests)
        implements java.io.Serializable {
    public CanaryPlan {
        steps = List.copyOf(steps);
        checks = List.copyOf(checks);
        if (steps.isEmpty()) {
            throw new ValidationException("steps", "needs at least one weight, for example [10, 25, 50, 100]");
        }
        int previous = 0;
        for (int i = 0; i < steps.size(); i++) {
            int weight = steps.get(i).weight();
            if (weight < 1 || weight > 100) {
                throw new ValidationException("steps[" + i + "]", "weight " + weight + " is not a percentage from 1 to 100");
            }
            if (weight <= previous) {
                throw new ValidationException("steps[" + i + "]", "weight " + weight + " does not grow from the step before ("
                        + previous + "); weights must strictly increase, for example [10, 25, 50, 100]");
            }
            previous = weight;
        }
        if (interval.isZero() || interval.isNegative()) {
            throw new ValidationException("interval", "must be longer than zero, e.g. 1m");
        }
        Set<String> names = new HashSet<>();
        for (MetricCheck check : checks) {
            if (!names.add(check.name())) {
                throw new ValidationException("analysis", "two checks are named '" + check.name() + "'; give each its own name");
            }
        }
        if (minRequests < 0) {
            throw new ValidationException("minRequests", "must be 0 or more, not " + minRequests);
        }
    }

    public CanaryStep step(int index) {
        return steps.get(index);
    }

    /** {@code 10% for 5m, 50% until a person decides, 100% (no pause)}, for the log. */
    public String describeSteps() {
        return String.join(", ", steps.stream().map(step -> step.weight() + "% " + step.pause().describe()).toList());
    }

    public boolean isLast(int index) {
        return index == steps.size() - 1;
    }

    /**
     * How many measurements a check takes in a step: its own count, else one per interval of a timed
     * pause (at least one), else one before a manual pause.
     */
    public int expectedMeasurements(MetricCheck check, int stepIndex) {
        if (check.count() != null) {
            return check.count();
        }
        if (step(stepIndex).pause() instanceof Pause.Timed timed) {
            return (int) Math.max(1, timed.duration().toMillis() / interval.toMillis());
        }
        return 1;
    }
}
