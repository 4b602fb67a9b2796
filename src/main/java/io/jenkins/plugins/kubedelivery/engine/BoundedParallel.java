package io.jenkins.plugins.kubedelivery.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one task per item with at most N at a time, and collects every outcome: one failure never
 * stops the others. An interrupt (the build was aborted) stops the rest and is rethrown.
 */
public final class BoundedParallel {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private BoundedParallel() {}

    /** A unit of work on one item. */
    @FunctionalInterface
    public interface Task<T, R> {
        R run(T item) throws Exception;
    }

    /** The result of one item: its value or its failure. */
    public record Outcome<T, R>(T item, R value, Exception failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    public static <T, R> List<Outcome<T, R>> run(List<T> items, int parallelism, Task<T, R> task) throws InterruptedException {
        if (parallelism < 1) {
            throw new ValidationException("parallelism", "must be 1 or more");
        }
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
        } finally {
            executor.shutdownNow();
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
