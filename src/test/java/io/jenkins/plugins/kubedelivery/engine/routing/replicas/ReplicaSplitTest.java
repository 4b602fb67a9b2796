package io.jenkins.plugins.kubedelivery.engine.routing.replicas;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import org.junit.Test;

public class ReplicaSplitTest {
    @Test
    public void weightsBecomeTheNearestReplicaCountsAndTheReachedShareIsSaid() {
        assertEquals(new ReplicaSplit(9, 1), ReplicaSplit.forWeight(10, 10));
        assertEquals("1 of 10 pods (10%)", ReplicaSplit.forWeight(10, 10).describe(10));
        assertEquals(new ReplicaSplit(3, 1), ReplicaSplit.forWeight(4, 10));
        assertEquals("1 of 4 pods (25%, asked 10%)", ReplicaSplit.forWeight(4, 10).describe(10));
        assertEquals(new ReplicaSplit(2, 2), ReplicaSplit.forWeight(4, 50));
        assertEquals(new ReplicaSplit(1, 3), ReplicaSplit.forWeight(4, 75));
    }

    @Test
    public void anyTrafficGetsACanaryPodAndAnythingShortOfAllKeepsAStablePod() {
        assertEquals(new ReplicaSplit(99, 1), ReplicaSplit.forWeight(100, 1));
        assertEquals(new ReplicaSplit(19, 1), ReplicaSplit.forWeight(20, 1));
        assertEquals(new ReplicaSplit(1, 1), ReplicaSplit.forWeight(2, 99));
        assertEquals(new ReplicaSplit(1, 0), ReplicaSplit.forWeight(1, 0));
        assertEquals(new ReplicaSplit(0, 3), ReplicaSplit.forWeight(3, 100));
        assertEquals(new ReplicaSplit(0, 1), ReplicaSplit.forWeight(1, 100));
    }

    @Test
    public void onePodCannotBeSplit() {
        assertEquals("replicas: the stable release runs 1 pod, which cannot carry 50% of the traffic: scale it to several pods,"
                + " or use an L7 router (nginx, gatewayApi, istio)",
                assertThrows(ValidationException.class, () -> ReplicaSplit.forWeight(1, 50)).getMessage());
    }

    @Test
    public void aServiceWithoutPodsCannotBeSplit() {
        assertEquals("replicas: the stable release runs 0 pods; the replicas() router needs at least one (better several: with"
                + " 2 pods the smallest step is 50%)", assertThrows(ValidationException.class, () -> ReplicaSplit.forWeight(0, 10)).getMessage());
    }
}
