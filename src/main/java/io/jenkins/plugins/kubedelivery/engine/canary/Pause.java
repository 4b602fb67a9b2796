package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.deploy.Durations;
import java.time.Duration;

/** How long a canary step holds its weight: a fixed time, or until a person decides. */
public sealed interface Pause extends java.io.Serializable {
    /** No hold: the step ends as soon as its analysis (if any) has passed. */
    Pause NONE = new Timed(Duration.ZERO);

    /** How long the step holds its weight, as the log says it: {@code for 5m}, {@code (no pause)}, {@code until a person decides}. */
    default String describe() {
        if (this instanceof Timed timed) {
            return timed.duration().isZero() ? "(no pause)" : "for " + Durations.human(timed.duration());
        }
        return "until a person decides";
    }

    /** Holds for the duration while the checks are measured. */
    record Timed(Duration duration) implements Pause {
        public Timed {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("a pause cannot be negative");
            }
        }
    }

    /**
     * Holds until a person says so: the step ends paused, the pipeline asks with Jenkins' own
     * {@code input}, and a companion step carries on. Analysis still runs before it pauses.
     */
    record Manual() implements Pause {}
}
