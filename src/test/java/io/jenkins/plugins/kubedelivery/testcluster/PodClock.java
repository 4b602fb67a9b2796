package io.jenkins.plugins.kubedelivery.testcluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each stand-in Pod of a StatefulSet or DaemonSet started, to the millisecond (a Pod's
 * creationTimestamp has only seconds), so that it becomes ready {@link Rollouts#readyAfterMillis()}
 * later, or never when its image carries a failing tag.
 */
final class PodClock {
    private final Rollouts rollouts;
    private final Map<String, Long> starts = new ConcurrentHashMap<>();

    PodClock(Rollouts rollouts) {
        this.rollouts = rollouts;
    }

    boolean ready(String podUid, boolean failing) {
        long started = starts.computeIfAbsent(podUid, k -> System.currentTimeMillis());
        return !failing && System.currentTimeMillis() - started >= rollouts.readyAfterMillis();
    }

    void forget(String podUid) {
        starts.remove(podUid);
    }
}
