package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.deploy.Durations;
import io.jenkins.plugins.kubedelivery.engine.routing.RecordChangedException;
import io.jenkins.plugins.kubedelivery.engine.routing.TrafficRouter;
import java.time.Clock;
import java.time.Duration;

/**
 * Ends a canary the safe way round: all traffic back on stable first (one router write: the
 * rollback that matters), then the canary release removed. Each is tried even when the other
 * fails, and a failure is said in the log with what to do by hand; the stable release is never touched.
 * The one exception: a router over objects read with a recorded state that no longer carry it (a
 * {@link RecordChangedException}) means the canary is another run's now, so nothing more is done.
 */
final class CanaryTeardown {
    private final HelmClient helm;
    private final EngineLog log;
    private final Clock clock;

    CanaryTeardown(HelmClient helm, EngineLog log, Clock clock) {
        this.helm = helm;
        this.log = log;
        this.clock = clock;
    }

    /**
     * What the teardown reached, with the time from its start to each part.
     *
     * @param safe whether both parts succeeded
     */
    record Outcome(boolean safe, Duration toStable, Duration removed) {
        /** {@code weight 0 in 0.3s, payments-canary removed in 1.0s}, for the log. */
        String describe(String canaryRelease) {
            return "weight 0 in " + Durations.human(toStable) + ", " + canaryRelease + " removed in " + Durations.human(removed);
        }
    }

    /**
     * @param removeRelease whether the canary release exists (and is the plugin's) to uninstall
     * @throws RecordChangedException when the router's objects are another run's canary now; nothing was changed
     */
    Outcome backToStable(TrafficRouter router, String stableRelease, String namespace, String canaryRelease,
            boolean removeRelease, Duration timeout, String because) throws InterruptedException {
        long at = clock.millis();
        boolean done = true;
        log.line("Aborting the canary because " + because + ": sending all traffic back to " + stableRelease);
        try {
            router.reset();
            log.line("All traffic back on " + stableRelease + " in " + since(at));
        } catch (RecordChangedException taken) {
            throw taken;
        } catch (RuntimeException e) {
            done = false;
            log.line("Could not send the traffic back to stable: " + e.getMessage() + "; check " + router.describe() + " by hand");
        }
        Duration toStable = Duration.ofMillis(clock.millis() - at);
        if (!removeRelease) {
            return new Outcome(done, toStable, Duration.ZERO);
        }
        try {
            helm.uninstall(canaryRelease, namespace, timeout);
            log.line("Canary release " + canaryRelease + " removed, " + since(at) + " after the abort began; "
                    + stableRelease + " was not touched");
        } catch (RuntimeException e) {
            done = false;
            log.line("Could not remove the canary release " + canaryRelease + ": " + e.getMessage() + "; remove it with"
                    + " helm uninstall " + canaryRelease + " -n " + namespace);
        }
        return new Outcome(done, toStable, Duration.ofMillis(clock.millis() - at));
    }

    private String since(long startedMillis) {
        return Durations.human(Duration.ofMillis(clock.millis() - startedMillis));
    }
}
