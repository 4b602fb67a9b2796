package io.jenkins.plugins.kubedelivery.engine.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.Test;

public class ReleaseLocksTest {
    private final ReleaseLocks locks = new ReleaseLocks();

    @Test
    public void theSecondDeployWaitsAndSaysForWhom() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        ReleaseLocks.Lease first = locks.acquire("prod/payments-ns/payments", "payments » main #7", log::add);
        Thread second = new Thread(() -> {
            try (ReleaseLocks.Lease lease = locks.acquire("prod/payments-ns/payments", "payments » main #8", log::add)) {
                log.add("second deploying");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        second.start();
        while (log.isEmpty()) {
            Thread.sleep(5);
        }
        assertEquals("Waiting for payments » main #7 to finish with prod/payments-ns/payments (deploys of one release never overlap)", log.get(0));
        assertTrue(second.isAlive());
        first.close();
        second.join(5_000);
        assertEquals("second deploying", log.get(1));
        assertNull(locks.holder("prod/payments-ns/payments"));
    }

    @Test
    public void otherReleasesDoNotWait() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (ReleaseLocks.Lease a = locks.acquire("c/ns/a", "one", log::add);
                ReleaseLocks.Lease b = locks.acquire("c/ns/b", "two", log::add)) {
            assertEquals(List.of(), log);
        }
    }

    @Test
    public void anAbortedWaitEndsAtOnce() throws Exception {
        ReleaseLocks.Lease held = locks.acquire("c/ns/a", "one", text -> {});
        Thread waiter = new Thread(() -> {
            try {
                locks.acquire("c/ns/a", "two", text -> {}).close();
            } catch (InterruptedException expected) {
                // the abort
            }
        });
        waiter.start();
        Thread.sleep(50);
        waiter.interrupt();
        waiter.join(5_000);
        assertTrue(!waiter.isAlive());
        assertEquals("one", locks.holder("c/ns/a"));
        held.close();
    }
}
