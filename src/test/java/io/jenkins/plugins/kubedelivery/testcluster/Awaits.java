package io.jenkins.plugins.kubedelivery.testcluster;

import java.util.function.BooleanSupplier;

/** Polls a condition the controller reaches in the background, failing after a bound. */
final class Awaits {
    private static final long LIMIT_MILLIS = 10_000;

    private Awaits() {}

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + LIMIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not reached within " + LIMIT_MILLIS + " ms: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
