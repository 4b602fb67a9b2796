package io.jenkins.plugins.kubedelivery.engine.canary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Time that jumps to whatever the canary waits for, so minutes of pauses take no time; keeps what it waited. */
final class FakeCanaryClock implements CanaryClock {
    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final List<Duration> waits = new ArrayList<>();
    private Runnable onSleep = () -> {};

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public void sleepUntil(Instant until) throws InterruptedException {
        onSleep.run();
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("stopped");
        }
        synchronized (this) {
            if (until.isAfter(now)) {
                waits.add(Duration.between(now, until));
                now = until;
            }
        }
    }

    /** Runs before each wait: a test stops the build from here, as a user would during a pause. */
    FakeCanaryClock onSleep(Runnable action) {
        onSleep = action;
        return this;
    }

    synchronized Duration waited() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
