package io.jenkins.plugins.kubedelivery.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

public class BoundedParallelTest {
    private final List<String> events = new CopyOnWriteArrayList<>();

    /** A task that works until interrupted, then spends {@code cleanUp} restoring, whatever interrupts come. */
    private BoundedParallel.Task<String, String> interruptibleWork(CountDownLatch started, Duration cleanUp) {
        return item -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
                return item;
            } catch (InterruptedException stopped) {
                long until = System.nanoTime() + cleanUp.toNanos();
                while (System.nanoTime() < until) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException ignored) {
                        // a restore runs to its end
                    }
                }
                events.add(item + " restored");
                throw stopped;
            }
        };
    }

    /** Runs the tasks on a thread of its own, interrupts it once all started, and records when run() gave up. */
    private Thread runAndInterrupt(List<String> items, Duration stopWait, Duration cleanUp, int interrupts) throws Exception {
        CountDownLatch started = new CountDownLatch(items.size());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                BoundedParallel.run(items, items.size(), stopWait, interruptibleWork(started, cleanUp));
            } catch (Throwable e) {
                thrown.set(e);
            }
            events.add("run ended with " + (thrown.get() == null ? "no exception" : thrown.get().getClass().getSimpleName()));
        });
        caller.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < interrupts; i++) {
            caller.interrupt();
            Thread.sleep(50);
        }
        return caller;
    }

    @Test
    public void anInterruptWaitsForEveryRunningTaskToFinishItsCleanUp() throws Exception {
        Thread caller = runAndInterrupt(List.of("payments", "search", "orders"), Duration.ofSeconds(10), Duration.ofMillis(400), 1);
        caller.join(10_000);

        assertEquals(4, events.size());
        assertEquals("run ended with InterruptedException", events.get(3));
    }

    @Test
    public void aSecondInterruptDoesNotCutTheCleanUpShort() throws Exception {
        Thread caller = runAndInterrupt(List.of("payments", "search"), Duration.ofSeconds(10), Duration.ofMillis(600), 3);
        caller.join(10_000);

        assertEquals(List.of("run ended with InterruptedException"), events.subList(2, events.size()));
    }

    @Test
    public void theWaitIsBounded() throws Exception {
        long started = System.nanoTime();
        Thread caller = runAndInterrupt(List.of("payments"), Duration.ofMillis(300), Duration.ofSeconds(5), 1);
        caller.join(10_000);

        assertEquals(List.of("run ended with InterruptedException"), events);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(4)) < 0);
    }
}
