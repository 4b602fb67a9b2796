package io.jenkins.plugins.kubedelivery.engine.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The helm version, asked once and remembered: a step that deploys ten services through one
 * runner (one container) asks helm once, not ten times. It is asked while the use case's first
 * helm read runs, so the two processes overlap and the version adds little wall time: each is
 * mostly helm starting up (about 50 and 100 ms), which two cores do side by side.
 *
 * <p>Failures keep the order they had when the version was asked first: a failed version (no
 * helm on the PATH, an unsupported major) is reported before a failed read. An abort stops the
 * version command too (and waits for it to end) before it is reported, so nothing outlives the
 * step; callers that shared the stopped ask and were not aborted ask again.
 */
public final class HelmVersions {
    private HelmVersion known; // guarded by this
    private Asking asking; // guarded by this: the ask in progress, if any

    /** A helm read that needs no version, such as the release history. */
    @FunctionalInterface
    public interface Read<T> {
        T run() throws InterruptedException;
    }

    /** What a read returned, and the version learned alongside it. */
    public record Answered<T>(HelmVersion version, T value) {}

    /**
     * Runs {@code read} on the calling thread while helm is asked its version on another (or
     * another caller's ask is awaited), unless the version is known.
     */
    public <T> Answered<T> alongside(HelmClient helm, Read<T> read) throws InterruptedException {
        Asking ask = start(helm);
        T value;
        try {
            value = read.run();
        } catch (InterruptedException aborted) {
            ask.stop();
            throw aborted;
        } catch (RuntimeException | Error failed) {
            await(ask, helm); // the version's own failure comes first, as when it was asked first
            throw failed;
        }
        return new Answered<>(await(ask, helm), value);
    }

    private synchronized Asking start(HelmClient helm) {
        if (known != null) {
            return Asking.answered(known);
        }
        if (asking == null) {
            asking = Asking.begin(helm, this::finished);
        }
        return asking;
    }

    private synchronized void finished(Asking done, HelmVersion version) {
        if (asking == done) {
            asking = null; // a failed or stopped ask is asked again by the next caller
            known = version;
        }
    }

    private HelmVersion await(Asking ask, HelmClient helm) throws InterruptedException {
        for (Asking current = ask; ; current = start(helm)) {
            try {
                return current.answer.get();
            } catch (InterruptedException aborted) {
                current.stop();
                throw aborted;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                if (!(e.getCause() instanceof InterruptedException)) {
                    throw (RuntimeException) e.getCause();
                }
                // stopped by another caller's abort, not by this one's: ask again
            }
        }
    }

    /** Told when an ask ends: its version, or {@code null} when it failed or was stopped. */
    @FunctionalInterface
    private interface Finished {
        void accept(Asking ask, HelmVersion version);
    }

    /** One {@code helm version} on its own thread, or a version known already. */
    private static final class Asking {
        private final CompletableFuture<HelmVersion> answer = new CompletableFuture<>();
        private final Thread thread;

        private Asking(HelmClient helm, Finished finished) {
            this.thread = helm == null ? null : new Thread(() -> ask(helm, finished), "kube-delivery-helm-version");
        }

        static Asking answered(HelmVersion version) {
            Asking done = new Asking(null, null);
            done.answer.complete(version);
            return done;
        }

        static Asking begin(HelmClient helm, Finished finished) {
            Asking ask = new Asking(helm, finished);
            ask.thread.setDaemon(true);
            ask.thread.start();
            return ask;
        }

        private void ask(HelmClient helm, Finished finished) {
            try {
                HelmVersion version = helm.version();
                finished.accept(this, version);
                answer.complete(version);
            } catch (InterruptedException | RuntimeException | Error failure) {
                finished.accept(this, null);
                answer.completeExceptionally(failure);
            }
        }

        /**
         * Interrupts the command (the runner kills it) and waits until it has ended, however often
         * this thread is interrupted meanwhile; the interrupt is restored afterwards.
         */
        void stop() {
            if (thread == null) {
                return;
            }
            boolean interrupted = Thread.interrupted();
            thread.interrupt();
            try {
                while (thread.isAlive()) {
                    try {
                        thread.join(HelmClient.READ_TIMEOUT.toMillis());
                        break;
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
    }
}
