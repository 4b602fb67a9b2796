package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The defaults the real API server fills into StatefulSets, DaemonSets and CronJobs, which the
 * clients' readiness checks read back (helm 3 dereferences a DaemonSet's maxUnavailable, kubectl
 * reports a StatefulSet's rollout by its partition).
 */
final class WorkloadDefaults {
    private WorkloadDefaults() {}

    static void statefulSet(ObjectNode set) {
        ObjectNode spec = Json.child(set, "spec");
        putIfAbsent(spec, "replicas", 1);
        putIfAbsent(spec, "revisionHistoryLimit", 10);
        if (!spec.hasNonNull("podManagementPolicy")) {
            spec.put("podManagementPolicy", "OrderedReady");
        }
        ObjectNode strategy = Json.child(spec, "updateStrategy");
        if (!strategy.hasNonNull("type")) {
            strategy.put("type", "RollingUpdate");
        }
        if (strategy.path("type").asText().equals("RollingUpdate")) {
            putIfAbsent(Json.child(strategy, "rollingUpdate"), "partition", 0);
        }
        ObjectNode retention = Json.child(spec, "persistentVolumeClaimRetentionPolicy");
        for (String when : new String[] {"whenDeleted", "whenScaled"}) {
            if (!retention.hasNonNull(when)) {
                retention.put(when, "Retain");
            }
        }
    }

    static void daemonSet(ObjectNode set) {
        ObjectNode spec = Json.child(set, "spec");
        putIfAbsent(spec, "revisionHistoryLimit", 10);
        ObjectNode strategy = Json.child(spec, "updateStrategy");
        if (!strategy.hasNonNull("type")) {
            strategy.put("type", "RollingUpdate");
        }
        if (strategy.path("type").asText().equals("RollingUpdate")) {
            ObjectNode rolling = Json.child(strategy, "rollingUpdate");
            putIfAbsent(rolling, "maxUnavailable", 1);
            putIfAbsent(rolling, "maxSurge", 0);
        }
    }

    static void cronJob(ObjectNode cronJob) {
        ObjectNode spec = Json.child(cronJob, "spec");
        if (!spec.hasNonNull("concurrencyPolicy")) {
            spec.put("concurrencyPolicy", "Allow");
        }
        if (!spec.hasNonNull("suspend")) {
            spec.put("suspend", false);
        }
        putIfAbsent(spec, "successfulJobsHistoryLimit", 3);
        putIfAbsent(spec, "failedJobsHistoryLimit", 1);
    }

    private static void putIfAbsent(ObjectNode node, String field, int value) {
        if (!node.hasNonNull(field)) {
            node.put(field, value);
        }
    }
}
