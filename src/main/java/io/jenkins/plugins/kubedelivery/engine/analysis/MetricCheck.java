package io.jenkins.plugins.kubedelivery.engine.analysis;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.util.Objects;

/**
 * One metric a canary is checked against, with Argo Rollouts' limits: how many bad measurements a
 * step tolerates before it fails, how many unclear ones before it asks a person, how many provider
 * errors in a row before it gives up.
 *
 * @param name shown in the log and the result ({@code error-rate}, {@code orders-failing})
 * @param threshold the range a good value stays in
 * @param count measurements per canary step, or {@code null} to take one per interval of the step's pause
 * @param failureLimit failed measurements a step tolerates; one more fails the canary
 * @param inconclusiveLimit inconclusive measurements a step tolerates; one more pauses it
 * @param consecutiveErrorLimit provider errors in a row tolerated; one more fails the canary
 */
public record MetricCheck(String name, Threshold threshold, Integer count, int failureLimit, int inconclusiveLimit,
        int consecutiveErrorLimit) implements java.io.Serializable {
    /** Argo Rollouts' default: a provider may fail four times in a row before the metric errors. */
    public static final int DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;

    public MetricCheck {
        if (name == null || name.isBlank()) {
            throw new ValidationException("analysis", "every check needs a name");
        }
        Objects.requireNonNull(threshold, "threshold");
        if (count != null && count < 1) {
            throw new ValidationException("analysis", name + ": count must be 1 or more");
        }
        requireNotNegative(name, "failureLimit", failureLimit);
        requireNotNegative(name, "inconclusiveLimit", inconclusiveLimit);
        requireNotNegative(name, "consecutiveErrorLimit", consecutiveErrorLimit);
    }

    private static void requireNotNegative(String check, String limit, int value) {
        if (value < 0) {
            throw new ValidationException(limit, check + ": must be 0 or more, not " + value);
        }
    }
}
