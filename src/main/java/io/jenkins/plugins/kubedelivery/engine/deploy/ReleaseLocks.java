package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps two deploys (or rollbacks) of the same release on the same cluster from overlapping within
 * one JVM (one Jenkins controller). The second waits, says for whom, and goes on when the first
 * is done. Waiting is interruptible, so an aborted build stops waiting at once.
 */
public final class ReleaseLocks {
    private static final ReleaseLocks SHARED = new ReleaseLocks();

    private final Map<String, Holder> holders = new HashMap<>();

    /** The one instance a controller uses. */
    public static ReleaseLocks shared() {
        return SHARED;
    }

    /**
     * Holds the release on the cluster itself ({@link ClusterTarget#identity()}: its API server),
     * whichever credentials or context reach it.
     *
     * @param owner who asks, shown to the next one waiting (e.g. "payments » main #12")
     */
    public Lease acquire(ClusterTarget cluster, String namespace, String release, String owner, EngineLog log)
            throws InterruptedException {
        return acquire(key(cluster.identity(), namespace, release), owner, log);
    }

    /**
     * @param key cluster identity, namespace and release
     * @param owner who asks, shown to the next one waiting (e.g. "payments » main #12")
     */
    Lease acquire(String key, String owner, EngineLog log) throws InterruptedException {
        synchronized (holders) {
            Holder current = holders.get(key);
            if (current != null) {
                log.line("Waiting for " + current.owner + " to finish with " + key + " (deploys of one release never overlap)");
            }
            while ((current = holders.get(key)) != null) {
                holders.wait();
            }
            Holder mine = new Holder(owner);
            holders.put(key, mine);
            return () -> release(key, mine);
        }
    }

    /** Who holds a key now, or {@code null}. */
    public String holder(String key) {
        synchronized (holders) {
            Holder h = holders.get(key);
            return h == null ? null : h.owner;
        }
    }

    private void release(String key, Holder mine) {
        synchronized (holders) {
            if (holders.get(key) == mine) {
                holders.remove(key);
                holders.notifyAll();
            }
        }
    }

    /** Ends the hold; idempotent. */
    @FunctionalInterface
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    private record Holder(String owner) {}

    static String key(String clusterIdentity, String namespace, String release) {
        return clusterIdentity + "/" + namespace + "/" + release;
    }
}
