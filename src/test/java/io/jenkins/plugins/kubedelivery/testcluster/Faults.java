package io.jenkins.plugins.kubedelivery.testcluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults a test switches on: failing the next requests with a status code, delaying responses,
 * and cutting watches short. Requests are matched by HTTP method and resource (the plural, e.g.
 * {@code deployments}); {@code "*"} matches any.
 */
public final class Faults {
    private record Failure(String method, String resource, int status, AtomicInteger remaining) {}

    private record Delay(String method, String resource, Duration duration) {}

    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final List<Delay> delays = new CopyOnWriteArrayList<>();
    private final AtomicInteger watchesToDrop = new AtomicInteger();
    private volatile int dropWatchAfterEvents;

    /** The next {@code count} matching requests get {@code status} (e.g. 500, 429, 409) and a Status body. */
    public void failNext(int count, int status, String method, String resource) {
        failures.add(new Failure(method, resource, status, new AtomicInteger(count)));
    }

    /** Every matching request is answered only after {@code duration}, until {@link #clear()}. */
    public void delay(Duration duration, String method, String resource) {
        delays.add(new Delay(method, resource, duration));
    }

    /** The next {@code count} watches end abruptly after sending {@code afterEvents} events. */
    public void dropNextWatches(int count, int afterEvents) {
        dropWatchAfterEvents = afterEvents;
        watchesToDrop.set(count);
    }

    public void clear() {
        failures.clear();
        delays.clear();
        watchesToDrop.set(0);
    }

    Optional<Integer> takeFailure(String method, String resource) {
        for (Failure failure : failures) {
            if (matches(failure.method(), failure.resource(), method, resource)
                    && failure.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Optional.of(failure.status());
            }
        }
        return Optional.empty();
    }

    Duration delayFor(String method, String resource) {
        Duration total = Duration.ZERO;
        for (Delay delay : delays) {
            if (matches(delay.method(), delay.resource(), method, resource)) {
                total = total.plus(delay.duration());
            }
        }
        return total;
    }

    /** Events after which this new watch is cut, or -1 to let it run. */
    int takeWatchDrop() {
        return watchesToDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? dropWatchAfterEvents : -1;
    }

    private static boolean matches(String wantedMethod, String wantedResource, String method, String resource) {
        return ("*".equals(wantedMethod) || wantedMethod.equalsIgnoreCase(method))
                && ("*".equals(wantedResource) || wantedResource.equals(resource));
    }
}
