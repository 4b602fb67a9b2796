package io.jenkins.plugins.kubedelivery.engine.analysis;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.util.Locale;
import java.util.Optional;

/**
 * The range a metric must stay in (Flagger's {@code thresholdRange}): a minimum, a maximum or both,
 * inclusive.
 *
 * @param min the smallest good value, or {@code null} for none
 * @param max the largest good value, or {@code null} for none
 */
public record Threshold(Double min, Double max) implements java.io.Serializable {
    public Threshold {
        if (min == null && max == null) {
            throw new ValidationException("analysis", "a check needs min, max or both");
        }
        if (isNotFinite(min) || isNotFinite(max)) {
            throw new ValidationException("analysis", "min and max must be finite numbers");
        }
        if (min != null && max != null && min > max) {
            throw new ValidationException("analysis", "min " + number(min) + " is above max " + number(max));
        }
    }

    public static Threshold atMost(double max) {
        return new Threshold(null, max);
    }

    public static Threshold atLeast(double min) {
        return new Threshold(min, null);
    }

    /** @return why {@code value} is out of range, e.g. {@code 0.042 > max 0.01}; empty when in range */
    public Optional<String> violation(double value) {
        if (max != null && value > max) {
            return Optional.of(quote(value) + " > max " + number(max));
        }
        if (min != null && value < min) {
            return Optional.of(quote(value) + " < min " + number(min));
        }
        return Optional.empty();
    }

    /**
     * A measured value as the log quotes it: 4 significant digits (Prometheus answers
     * 0.05999999824717353 for a 6% error rate), or as many more as it takes to stay on the same side
     * of each bound as the value itself, so that a quote never reads as a verdict it is not.
     */
    public String quote(double value) {
        for (int digits = 4; digits < 17; digits++) {
            double rounded = new java.math.BigDecimal(value).round(new java.math.MathContext(digits)).doubleValue();
            if (sameSide(rounded, value, min) && sameSide(rounded, value, max)) {
                return number(rounded);
            }
        }
        return number(value);
    }

    private static boolean sameSide(double quoted, double value, Double bound) {
        return bound == null || Integer.signum(Double.compare(quoted, bound)) == Integer.signum(Double.compare(value, bound));
    }

    /** {@code <= 0.01}, {@code >= 0.99}, {@code 0.5..2}: the range as a log line shows it. */
    public String describe() {
        if (min == null) {
            return "<= " + number(max);
        }
        return max == null ? ">= " + number(min) : number(min) + ".." + number(max);
    }

    /** Numbers without trailing zeros and never in exponent form: 0.01, 500, 0.0005. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static boolean isNotFinite(Double value) {
        return value != null && !Double.isFinite(value);
    }
}
