package io.jenkins.plugins.kubedelivery.engine.cli;


/**
 * The helm version, asked once and remembered: a step that deploys ten services through one
 * runner (one container) asks helm once, not ten times. Callers ask while their first helm reads
 * run (alongside a read on the calling thread, or after starting a {@link BackgroundRead}), so the
 * processes overlap and the version adds little wall time (each is mostly helm starting up, about
 * 50 ms, which two cores do side by side).
 *
 * <p>Callers at once share one ask. An abort of a waiting caller stops the version command (and
 * waits for it to end) before it is reported, so nothing outlives the step; callers that shared
 * the stopped ask and were not aborted ask again, as does the next caller after a failed ask.
 */
public final class HelmVersions {
    private HelmVersion known; // guarded by this
    private BackgroundRead<HelmVersion> asking; // guarded by this: the ask in progress, if any

    /** What a read returned, and the version learned alongside it. */
    public record Answered<T>(HelmVersion version, T value) {}

    /**
     * Runs {@code read} on the calling thread while helm is asked its version on another (or
     * another caller's ask is awaited), unless the version is known. A failed version (no helm on
     * the PATH, an unsupported major) is reported before a failed read, as if asked first.
     */
    public <T> Answered<T> alongside(HelmClient helm, BackgroundRead.Read<T> read) throws InterruptedException {
        BackgroundRead<HelmVersion> ask = start(helm);
        T value;
        try {
            value = read.run();
        } catch (InterruptedException aborted) {
            ask.stop();
            throw aborted;
        } catch (RuntimeException | Error failed) {
            await(ask, helm);
            throw failed;
        }
        return new Answered<>(await(ask, helm), value);
    }

    /** The version, asked now unless known or being asked already. */
    public HelmVersion of(HelmClient helm) throws InterruptedException {
        return await(start(helm), helm);
    }

    /**
     * Starts asking now, unless the version is known or being asked, so that a deploy later in the
     * same use case finds it known. The caller stops the returned read when it ends first (a
     * stopped ask is asked again by the next caller).
     */
    public BackgroundRead<HelmVersion> ahead(HelmClient helm) {
        return start(helm);
    }

    private synchronized BackgroundRead<HelmVersion> start(HelmClient helm) {
        if (known != null) {
            return BackgroundRead.answered(known);
        }
        if (asking == null) {
            // the ask's own thread reports its end through finished(), which waits for this lock: asking is set by then
            asking = BackgroundRead.start("kube-delivery-helm-version", () -> learn(helm));
        }
        return asking;
    }

    private HelmVersion learn(HelmClient helm) throws InterruptedException {
        HelmVersion version = null;
        try {
            version = helm.version();
            return version;
        } finally {
            finished(version);
        }
    }

    /** A failed or stopped ask ({@code null}) is asked again by the next caller. */
    private synchronized void finished(HelmVersion version) {
        asking = null;
        known = version;
    }

    private HelmVersion await(BackgroundRead<HelmVersion> ask, HelmClient helm) throws InterruptedException {
        for (BackgroundRead<HelmVersion> current = ask; ; current = start(helm)) {
            try {
                return current.get();
            } catch (BackgroundRead.Stopped stoppedByAnother) {
                // stopped by another caller's abort, not by this one's: ask again
            }
        }
    }
}
