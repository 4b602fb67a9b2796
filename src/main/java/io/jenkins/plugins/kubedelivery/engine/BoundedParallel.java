package io.jenkins.plugins.kubedelivery.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one task per item with at most N at a time, and collects every outcome: one failure never
 * stops the others. An interrupt (the build was aborted) interrupts the running tasks, drops the
 * ones not started, and is rethrown only once the running tasks have finished their own clean-up
 * (killing their command, restoring what it left half done), or a bound has passed: a caller that
 * removes what the tasks use (a kubeconfig) must not do so under their feet.
 */
public final class BoundedParallel {
    /** How long an interrupted run waits for its tasks when the caller names no bound: a killed command ends at once. */
    public static final Duration DEFAULT_STOP_WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private BoundedParallel() {}

    /** A unit of work on one item. */
    @FunctionalInterface
    public interface Task<T, R> {
        R run(T item) throws Exception;
    }

    /**
     * The one rule for every {@code parallelism} parameter, checked by the steps before any command.
     *
     * @throws ValidationException naming {@code parallelism} when it is below 1
     */
    public static int requireParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new ValidationException("parallelism", parallelism + " at a time would do nothing; give 1 or more");
        }
        return parallelism;
    }

    /** The result of one item: its value or its failure. */
    public record Outcome<T, R>(T item, R value, Exception failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    public static <T, R> List<Outcome<T, R>> run(List<T> items, int parallelism, Task<T, R> task) throws InterruptedException {
        return run(items, parallelism, DEFAULT_STOP_WAIT, task);
    }

    /**
     * @param stopWait how long, after an interrupt, to wait for the interrupted tasks to finish their clean-up
     * @throws InterruptedException when interrupted, after the running tasks ended or {@code stopWait} passed
     */
    public static <T, R> List<Outcome<T, R>> run(List<T> items, int parallelism, Duration stopWait, Task<T, R> task)
            throws InterruptedException {
        requireParallelism(parallelism);
        if (items.isEmpty()) {
            return List.of();
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(parallelism, items.size()), r -> {
            Thread t = new Thread(r, "kube-delivery-parallel-" + pool + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(executor.submit(() -> task.run(item)));
            }
            List<Outcome<T, R>> outcomes = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                outcomes.add(outcome(items.get(i), futures.get(i)));
            }
            return outcomes;
        } catch (InterruptedException stopped) {
            executor.shutdownNow();
            awaitCleanUp(executor, stopWait);
            throw stopped;
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Waits for interrupted tasks to end, however often this thread is interrupted meanwhile (a
     * second abort must not cut the clean-up short); the interrupt is restored afterwards.
     */
    private static void awaitCleanUp(ExecutorService executor, Duration stopWait) {
        long deadline = System.nanoTime() + stopWait.toNanos();
        boolean interrupted = Thread.interrupted();
        try {
            while (!executor.isTerminated()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    executor.awaitTermination(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException again) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static <T, R> Outcome<T, R> outcome(T item, Future<R> future) throws InterruptedException {
        try {
            return new Outcome<>(item, future.get(), null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            return new Outcome<>(item, null, cause instanceof Exception ex ? ex : new RuntimeException(cause));
        }
    }
}
