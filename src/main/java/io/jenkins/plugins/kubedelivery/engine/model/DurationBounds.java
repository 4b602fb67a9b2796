package io.jenkins.plugins.kubedelivery.engine.model;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.time.Duration;

/**
 * The one place that says how short and how long each kind of step duration may be: a helm
 * {@code timeout} (deploy and rollback alike) and a preview's {@code ttl}. Every step checks its
 * durations here before any command runs, so no step passes helm a timeout of weeks or keeps a
 * preview for less time than a build takes.
 *
 * @param example durations to suggest in the refusal
 */
public record DurationBounds(Duration shortest, Duration longest, String example) {
    /** helm's {@code --timeout}: long enough for any real rollout, short enough to fail a stuck one. */
    public static final DurationBounds TIMEOUT = new DurationBounds(Duration.ofSeconds(1), Duration.ofHours(6), "'5m' or '90s'");
    /** A preview's life after its latest push: at least a build's length, at most a quarter. */
    public static final DurationBounds TTL = new DurationBounds(Duration.ofMinutes(1), Duration.ofDays(90), "'72h' or '7d'");

    /**
     * @param parameter named in the refusal
     * @throws ValidationException when the duration is missing or out of bounds
     */
    public Duration require(String parameter, Duration duration) {
        if (duration == null || duration.compareTo(shortest) < 0 || duration.compareTo(longest) > 0) {
            throw new ValidationException(parameter, (duration == null ? "is missing" : text(duration)
                    + " is out of range") + ": it must be between " + text(shortest) + " and " + text(longest) + ", such as " + example);
        }
        return duration;
    }

    /** {@code 9999h} as {@code 416d15h}: the duration as a user writes one, for the refusal. */
    private static String text(Duration duration) {
        StringBuilder text = new StringBuilder();
        long days = duration.toDays();
        if (days > 0) {
            text.append(days).append('d');
        }
        if (duration.toHoursPart() > 0) {
            text.append(duration.toHoursPart()).append('h');
        }
        if (duration.toMinutesPart() > 0) {
            text.append(duration.toMinutesPart()).append('m');
        }
        if (duration.toSecondsPart() > 0 || text.length() == 0) {
            text.append(duration.toSecondsPart()).append('s');
        }
        return text.toString();
    }
}
