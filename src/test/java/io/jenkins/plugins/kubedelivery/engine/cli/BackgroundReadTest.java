package io.jenkins.plugins.kubedelivery.engine.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

/** A read on its own thread: answered, failed as it failed, and never outliving an abort. */
public class BackgroundReadTest {

    @Test
    public void theReadRunsWhileTheCallerGoesOn() throws Exception {
        CountDownLatch callerWentOn = new CountDownLatch(1);
        BackgroundRead<String> read = BackgroundRead.start("test-read", () -> {
            assertTrue(callerWentOn.await(5, TimeUnit.SECONDS));
            return "history";
        });
        callerWentOn.countDown();
        assertEquals("history", read.get());
    }

    @Test
    public void theReadsFailureIsThrownAsItWas() {
        IllegalStateException failure = new IllegalStateException("helm history exited 1");
        BackgroundRead<String> read = BackgroundRead.start("test-read", () -> {
            throw failure;
        });
        assertSame(failure, assertThrows(IllegalStateException.class, read::get));
    }

    @Test
    public void anAbortOfTheWaiterStopsTheReadBeforeItIsReported() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean readEnded = new AtomicBoolean();
        BackgroundRead<String> read = BackgroundRead.start("test-read", () -> {
            running.countDown();
            try {
                new CountDownLatch(1).await(); // a hanging helm: ends when its runner is interrupted
                return "never";
            } finally {
                Thread.sleep(50); // the kill takes a moment; the waiter must wait for it
                readEnded.set(true);
            }
        });
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicBoolean endedFirst = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                read.get();
            } catch (Throwable t) {
                endedFirst.set(readEnded.get());
                outcome.set(t);
            }
        });
        waiter.start();
        assertTrue(running.await(5, TimeUnit.SECONDS));
        waiter.interrupt();
        waiter.join(10_000);

        assertTrue(String.valueOf(outcome.get()), outcome.get() instanceof InterruptedException);
        assertTrue("the read had ended when the abort was reported", endedFirst.get());
    }

    @Test
    public void aReadStoppedByAnotherIsReportedAsStopped() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        BackgroundRead<String> read = BackgroundRead.start("test-read", () -> {
            running.countDown();
            new CountDownLatch(1).await();
            return "never";
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
        read.stop();
        assertThrows(BackgroundRead.Stopped.class, read::get);
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    public void anAnsweredReadRunsNothingAndStopsAtOnce() throws Exception {
        BackgroundRead<String> read = BackgroundRead.answered("known");
        read.stop();
        assertEquals("known", read.get());
    }
}
