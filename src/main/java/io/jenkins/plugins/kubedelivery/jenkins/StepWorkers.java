package io.jenkins.plugins.kubedelivery.jenkins;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The plugin's own threads: long steps run here, never on the CPS VM thread or a controller
 * request thread, and command timeouts fire from here. Daemon threads, so they never hold the JVM.
 */
final class StepWorkers {
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(daemon("kube-delivery step"));
    private static final ScheduledExecutorService TIMERS = Executors.newScheduledThreadPool(2, daemon("kube-delivery timer"));

    private StepWorkers() {}

    static Future<?> submit(Runnable work) {
        return WORKERS.submit(work);
    }

    static ScheduledFuture<?> schedule(Runnable action, Duration delay) {
        return TIMERS.schedule(action, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + " #" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
