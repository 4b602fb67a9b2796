package io.jenkins.plugins.kubedelivery.engine.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A read (one tool command, mostly) run on its own thread while the caller goes on, so that its
 * wall time hides behind the caller's own command: the helm version behind the release history,
 * the release history behind the upgrade. A read never outlives its use: {@link #stop()} kills its
 * command (the runner kills on interrupt) and waits until it has ended.
 */
public final class BackgroundRead<T> {
    /** A read that may be stopped by interrupting its thread. */
    @FunctionalInterface
    public interface Read<T> {
        T run() throws InterruptedException;
    }

    /** Thrown by {@link #get()} when the read was stopped by another waiter's {@link #stop()}, not by this one's abort. */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Stopped() {
            super("the read was stopped before it answered");
        }
    }

    private final CompletableFuture<T> answer = new CompletableFuture<>();
    private final Thread thread;

    private BackgroundRead(String name, Read<T> read) {
        this.thread = read == null ? null : new Thread(() -> run(read), name);
    }

    /** Starts {@code read} on a daemon thread called {@code name}. */
    public static <T> BackgroundRead<T> start(String name, Read<T> read) {
        BackgroundRead<T> background = new BackgroundRead<>(name, read);
        background.thread.setDaemon(true);
        background.thread.start();
        return background;
    }

    /** A read answered already: nothing runs. */
    public static <T> BackgroundRead<T> answered(T value) {
        BackgroundRead<T> done = new BackgroundRead<>(null, null);
        done.answer.complete(value);
        return done;
    }

    private void run(Read<T> read) {
        try {
            answer.complete(read.run());
        } catch (InterruptedException | RuntimeException | Error failure) {
            answer.completeExceptionally(failure);
        }
    }

    /**
     * Waits for the answer. The read's own failure is thrown as it was; an abort of the waiting
     * thread stops the read first, so no command outlives the abort.
     *
     * @throws Stopped when another waiter stopped the read
     */
    public T get() throws InterruptedException {
        try {
            return answer.get();
        } catch (InterruptedException aborted) {
            stop();
            throw aborted;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof InterruptedException) {
                throw new Stopped();
            }
            throw (RuntimeException) cause;
        }
    }

    /**
     * Interrupts the read (the runner kills its command) and waits until it has ended, however
     * often this thread is interrupted meanwhile; the interrupt is restored afterwards. Does
     * nothing once the read has ended.
     */
    public void stop() {
        if (thread == null || !thread.isAlive()) {
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
