package io.jenkins.plugins.kubedelivery.engine.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads run side by side for one phase of a use case (canaryShift's checks before its canary is
 * installed, the router's dry run beside the install), so that the phase waits for the slowest of
 * them rather than their sum. Closing the group stops every read still running and waits for it
 * ({@link BackgroundRead#stop()}): whatever way the phase ends, no command outlives it. A read the
 * phase used has ended by then, so closing costs nothing on the way that succeeds.
 */
public final class BackgroundReads implements AutoCloseable {
    private final List<BackgroundRead<?>> reads = new ArrayList<>();

    /** Starts {@code read} on its own thread, called {@code name}, stopped at the latest when the group closes. */
    public <T> BackgroundRead<T> start(String name, BackgroundRead.Read<T> read) {
        return add(BackgroundRead.start(name, read));
    }

    /** Adds a read started elsewhere (a shared one, such as {@link HelmVersions#ahead}) to the reads stopped at close. */
    public <T> BackgroundRead<T> add(BackgroundRead<T> read) {
        reads.add(read);
        return read;
    }

    @Override
    public void close() {
        for (BackgroundRead<?> read : reads) {
            read.stop();
        }
    }
}
