package io.jenkins.plugins.kubedelivery.engine.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Test;

/** Reads side by side for one phase: each answers on its own, and none outlives the phase, however it ends. */
public class BackgroundReadsTest {

    /** A read that hangs until it is interrupted (a helm that does not answer), then takes a moment to end. */
    private static BackgroundRead.Read<String> hanging(CountDownLatch running, AtomicBoolean ended) {
        return () -> {
            running.countDown();
            try {
                new CountDownLatch(1).await();
                return "never";
            } finally {
                Thread.sleep(50);
                ended.set(true);
            }
        };
    }

    @Test
    public void readsRunSideBySideAndAnswerEachOnItsOwn() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        try (BackgroundReads reads = new BackgroundReads()) {
            BackgroundRead<String> first = reads.start("test-first", () -> {
                bothStarted.countDown();
                assertTrue("the other read ran at the same time", bothStarted.await(5, TimeUnit.SECONDS));
                return "manifest";
            });
            BackgroundRead<String> second = reads.start("test-second", () -> {
                bothStarted.countDown();
                assertTrue("the other read ran at the same time", bothStarted.await(5, TimeUnit.SECONDS));
                return "template";
            });
            assertEquals("manifest", first.get());
            assertEquals("template", second.get());
        }
    }

    @Test
    public void closingStopsEveryReadStillRunningAndWaitsForItsEnd() throws Exception {
        CountDownLatch running = new CountDownLatch(2);
        AtomicBoolean startedHereEnded = new AtomicBoolean();
        AtomicBoolean addedEnded = new AtomicBoolean();
        BackgroundRead<String> added = BackgroundRead.start("test-added", hanging(running, addedEnded));
        BackgroundRead<String> startedHere;
        try (BackgroundReads reads = new BackgroundReads()) {
            startedHere = reads.start("test-started", hanging(running, startedHereEnded));
            reads.add(added);
            assertTrue(running.await(5, TimeUnit.SECONDS));
        }
        assertTrue("the read started in the group had ended when it closed", startedHereEnded.get());
        assertTrue("the read added to the group had ended when it closed", addedEnded.get());
        assertThrows(BackgroundRead.Stopped.class, startedHere::get);
    }

    @Test
    public void aPhaseThatFailsStillStopsItsReads() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> {
            try (BackgroundReads reads = new BackgroundReads()) {
                reads.start("test-read", hanging(running, ended));
                assertTrue(running.await(5, TimeUnit.SECONDS));
                throw new IllegalStateException("the canary release is another service's");
            }
        });
        assertEquals("the canary release is another service's", refused.getMessage());
        assertTrue("the read had ended before the failure went on", ended.get());
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
