package io.jenkins.plugins.kubedelivery.engine.routing.replicas;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;

/**
 * The {@code replicas()} router's arithmetic: without an L7 router, the canary's share of traffic is
 * its share of the pods behind the stable Service, so a weight becomes a replica count and the share
 * actually reached is reported, since it is only approximate ({@code 10%} of 4 pods is 1 pod, 20%).
 *
 * @param stable replicas of the stable release
 * @param canary replicas of the canary release
 */
public record ReplicaSplit(int stable, int canary) {
    /**
     * @param total the pods the service runs on, kept constant through the canary
     * @param weight the percent of traffic asked for; any weight above 0 gets at least one canary pod,
     *     and any weight below 100 keeps at least one stable pod
     */
    public static ReplicaSplit forWeight(int total, int weight) {
        if (total < 1) {
            throw new ValidationException("replicas", "the stable release runs " + total + " pods; the replicas() router needs"
                    + " at least one (better several: with 2 pods the smallest step is 50%)");
        }
        if (weight <= 0) {
            return new ReplicaSplit(total, 0);
        }
        if (weight >= 100) {
            return new ReplicaSplit(0, total);
        }
        if (total == 1) {
            throw new ValidationException("replicas", "the stable release runs 1 pod, which cannot carry " + weight + "% of the"
                    + " traffic: scale it to several pods, or use an L7 router (nginx, gatewayApi, istio)");
        }
        int canary = (int) Math.round(total * weight / 100.0);
        canary = Math.max(1, Math.min(total - 1, canary));
        return new ReplicaSplit(total - canary, canary);
    }

    /** The percent of traffic this split gives the canary, assuming the Service balances evenly. */
    public int effectiveWeight() {
        int total = stable + canary;
        return total == 0 ? 0 : (int) Math.round(100.0 * canary / total);
    }

    /** For the log: {@code 1 of 4 pods (25%, asked 10%)}. */
    public String describe(int askedWeight) {
        return canary + " of " + (stable + canary) + " pods (" + effectiveWeight() + "%"
                + (effectiveWeight() == askedWeight ? "" : ", asked " + askedWeight + "%") + ")";
    }
}
