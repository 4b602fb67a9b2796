package io.jenkins.plugins.kubedelivery.engine.canary;

import java.time.Duration;
import java.time.Instant;

/**
 * The canary's time: what the planner decides from, and how the use case waits for the next event.
 * Tests give one that moves on at once, so a canary of many minutes runs in milliseconds.
 */
public interface CanaryClock {
    Instant now();

    /** Returns at {@code until} or later; a stop of the build interrupts it. */
    void sleepUntil(Instant until) throws InterruptedException;

    /** The wall clock, sleeping the calling thread. */
    CanaryClock SYSTEM = new CanaryClock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleepUntil(Instant until) throws InterruptedException {
            long millis = Duration.between(Instant.now(), until).toMillis();
            if (millis > 0) {
                Thread.sleep(millis);
            }
        }
    };
}
