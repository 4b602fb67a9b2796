package io.jenkins.plugins.kubedelivery.engine.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

/** The helm version learned alongside a read or asked alone: once, shared, stopped with the caller, asked again after a failure. */
public class HelmVersionsTest {
    private static final ClusterTarget CLUSTER = new ClusterTarget("/tmp/kd/kubeconfig", null, "stage-cluster");
    private static final String VERSION = "v4.1.4+g1a2b3c4\n";

    private final HelmVersions versions = new HelmVersions();
    private final List<String> verbs = new CopyOnWriteArrayList<>();
    private final Map<String, CountDownLatch> ended = new ConcurrentHashMap<>();

    private HelmClient helm(CommandRunner runner) {
        return new HelmClient((command, timeout) -> {
            String verb = command.arguments().get(1);
            verbs.add(verb);
            try {
                return runner.run(command, timeout);
            } finally {
                ended.computeIfAbsent(verb, v -> new CountDownLatch(1)).countDown();
            }
        }, "helm", CLUSTER);
    }

    private static CommandResult ok(String output) {
        return new CommandResult(0, output, 1);
    }

    @Test
    public void theReadRunsWhileTheVersionIsAskedAndBothAreReturned() throws Exception {
        CountDownLatch readStarted = new CountDownLatch(1);
        HelmClient helm = helm((command, timeout) -> {
            assertTrue("the read started while the version was asked", readStarted.await(5, TimeUnit.SECONDS));
            return ok(VERSION);
        });

        HelmVersions.Answered<String> answered = versions.alongside(helm, () -> {
            readStarted.countDown();
            return "history";
        });

        assertEquals("history", answered.value());
        assertEquals(4, answered.version().major());
        assertEquals("v4.1.4+g1a2b3c4", answered.version().text());
    }

    @Test
    public void aKnownVersionIsNotAskedAgain() throws Exception {
        HelmClient helm = helm((command, timeout) -> ok(VERSION));
        versions.alongside(helm, () -> "first");
        assertEquals(4, versions.alongside(helm, () -> "second").version().major());
        assertEquals(List.of("version"), verbs);
    }

    @Test
    public void callersAtOnceShareOneAsk() throws Exception {
        int callers = 4;
        CountDownLatch allReading = new CountDownLatch(callers);
        AtomicInteger asked = new AtomicInteger();
        HelmClient helm = helm((command, timeout) -> {
            asked.incrementAndGet();
            allReading.await(5, TimeUnit.SECONDS); // every caller is in its read before the answer comes
            return ok(VERSION);
        });
        List<Thread> threads = new CopyOnWriteArrayList<>();
        List<Object> outcomes = new CopyOnWriteArrayList<>();
        for (int i = 0; i < callers; i++) {
            Thread t = new Thread(() -> {
                try {
                    outcomes.add(versions.alongside(helm, () -> {
                        allReading.countDown();
                        return "read";
                    }).version().text());
                } catch (Exception e) {
                    outcomes.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertEquals(List.of("v4.1.4+g1a2b3c4", "v4.1.4+g1a2b3c4", "v4.1.4+g1a2b3c4", "v4.1.4+g1a2b3c4"), outcomes);
        assertEquals("helm asked once", 1, asked.get());
    }

    @Test
    public void aFailedVersionComesBeforeTheReadsFailureAndIsAskedAgainNextTime() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HelmClient helm = helm((command, timeout) -> asked.incrementAndGet() == 1
                ? new CommandResult(127, "sh: helm: not found\n", 1) : ok(VERSION));

        ToolFailedException e = assertThrows(ToolFailedException.class, () -> versions.alongside(helm, () -> {
            throw new IllegalStateException("the history could not be read either");
        }));
        assertTrue(e.getMessage(), e.getMessage().startsWith("helm version exited 127"));

        assertEquals(4, versions.alongside(helm, () -> "read").version().major());
        assertEquals(2, asked.get());
    }

    @Test
    public void aReadFailureIsReportedOnceTheVersionIsKnownGood() {
        HelmClient helm = helm((command, timeout) -> ok(VERSION));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> versions.alongside(helm, () -> {
            throw new IllegalStateException("helm history exited 1");
        }));
        assertEquals("helm history exited 1", e.getMessage());
    }

    /** An abort during the read stops the version command too, and only then is reported. */
    @Test
    public void anAbortStopsTheVersionCommandBeforeItIsReported() throws Exception {
        assertAnAbortStopsTheVersionCommandFirst(helm -> versions.alongside(helm, () -> {
            new CountDownLatch(1).await(); // the history read, aborted
            return "never";
        }));
    }

    /** The same for a caller that only waits for the version. */
    @Test
    public void anAbortOfACallerAskingAloneStopsTheVersionCommandBeforeItIsReported() throws Exception {
        assertAnAbortStopsTheVersionCommandFirst(versions::of);
    }

    /** What a caller does with the versions, until it is interrupted. */
    @FunctionalInterface
    private interface Caller {
        Object call(HelmClient helm) throws Exception;
    }

    private void assertAnAbortStopsTheVersionCommandFirst(Caller call) throws Exception {
        CountDownLatch versionRunning = new CountDownLatch(1);
        AtomicReference<Throwable> versionOutcome = new AtomicReference<>();
        HelmClient helm = helm((command, timeout) -> {
            versionRunning.countDown();
            try {
                new CountDownLatch(1).await(); // as a hanging helm: ends only when its runner is interrupted
                return ok(VERSION);
            } catch (InterruptedException killed) {
                Thread.sleep(50); // the kill takes a moment; the caller must wait for it
                versionOutcome.set(killed);
                throw killed;
            }
        });
        AtomicReference<Throwable> callerOutcome = new AtomicReference<>();
        AtomicReference<Boolean> versionEndedFirst = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                call.call(helm);
            } catch (Throwable t) {
                versionEndedFirst.set(versionOutcome.get() != null);
                callerOutcome.set(t);
            }
        });
        caller.start();
        assertTrue(versionRunning.await(5, TimeUnit.SECONDS));
        Thread.sleep(20);
        caller.interrupt();
        caller.join(10_000);

        assertFalse("the caller ended", caller.isAlive());
        assertTrue(String.valueOf(callerOutcome.get()), callerOutcome.get() instanceof InterruptedException);
        assertEquals("the version command had ended when the abort was reported", Boolean.TRUE, versionEndedFirst.get());
        assertTrue(ended.get("version").await(0, TimeUnit.SECONDS));
    }

    @Test
    public void aCallerWhoseSharedAskWasStoppedByAnotherAsksAgain() throws Exception {
        CountDownLatch firstAskRunning = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        HelmClient helm = helm((command, timeout) -> {
            if (asked.incrementAndGet() == 1) {
                firstAskRunning.countDown();
                new CountDownLatch(1).await(); // stopped by the first caller's abort
            }
            return ok(VERSION);
        });
        Thread aborted = new Thread(() -> {
            try {
                versions.alongside(helm, () -> {
                    new CountDownLatch(1).await();
                    return "never";
                });
            } catch (InterruptedException expected) {
                // the abort
            }
        });
        aborted.start();
        assertTrue(firstAskRunning.await(5, TimeUnit.SECONDS));
        AtomicReference<Object> second = new AtomicReference<>();
        Thread sharing = new Thread(() -> {
            try {
                second.set(versions.alongside(helm, () -> "read").version().text());
            } catch (Exception e) {
                second.set(e);
            }
        });
        sharing.start();
        Thread.sleep(50); // the second caller now waits on the first caller's ask
        aborted.interrupt();
        aborted.join(10_000);
        sharing.join(10_000);

        assertEquals("v4.1.4+g1a2b3c4", second.get());
        assertEquals(2, asked.get());
    }

    @Test
    public void askedAloneTheVersionIsParsed() throws Exception {
        HelmVersion version = versions.of(helm((command, timeout) -> ok(VERSION)));
        assertEquals(4, version.major());
        assertEquals("v4.1.4+g1a2b3c4", version.text());
    }
}
