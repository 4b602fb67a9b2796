package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.GeneratedValues;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code canaryShift} was asked to do. Holds no credential: the metric provider gets those
 * when the call runs.
 *
 * @param deploy the new version as a deploy of the stable release (service, environment, imageTag, values): the
 *     canary release is installed from it under the canary's name, and the promotion upgrades stable with it
 * @param plan the weight steps, the interval and the checks
 * @param queries per check name, its query template ({@code {{namespace}}}, {@code {{service}}}, {@code {{canary}}},
 *     {@code {{interval}}} and the router's own placeholders, filled before any command runs)
 * @param build who runs the canary (the build's URL or full display name): recorded in the cluster, so that a
 *     restarted execution of the same build carries on and any other build is refused
 * @param canaryReplicas the pods the canary release is installed with, whatever the stable release runs
 *     ({@code null}: {@value #DEFAULT_CANARY_REPLICAS}); the replicas() router then scales it to each step's share
 * @param replicaCountKey the chart's values key of the replica count ({@code null}: {@value #DEFAULT_REPLICA_COUNT_KEY},
 *     as charts made by {@code helm create} name it)
 */
public record CanaryShiftRequest(DeployRequest deploy, CanaryPlan plan, Map<String, MetricQuery> queries,
        String build, Integer canaryReplicas, String replicaCountKey) implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int DEFAULT_CANARY_REPLICAS = 1;
    public static final String DEFAULT_REPLICA_COUNT_KEY = "replicaCount";

    public CanaryShiftRequest {
        queries = Map.copyOf(queries);
        if (build == null || build.isBlank()) {
            throw new IllegalArgumentException("a canary needs the build that runs it");
        }
        // null also when a request kept by a build before these parameters existed is read back after a restart
        canaryReplicas = canaryReplicas == null ? DEFAULT_CANARY_REPLICAS : canaryReplicas;
        replicaCountKey = replicaCountKey == null ? DEFAULT_REPLICA_COUNT_KEY : replicaCountKey;
        if (canaryReplicas < 1) {
            throw new ValidationException("canaryReplicas", "is " + canaryReplicas + ": the canary needs at least 1 pod to be"
                    + " checked; give 1 or more");
        }
        new GeneratedValues().put("replicaCountKey", replicaCountKey, canaryReplicas); // a values path, or refused now
        for (MetricCheck check : plan.checks()) {
            if (!queries.containsKey(check.name())) {
                throw new ValidationException("analysis", "check '" + check.name() + "' has no query");
            }
        }
    }

    /** With the default canary replica count and key. */
    public CanaryShiftRequest(DeployRequest deploy, CanaryPlan plan, Map<String, MetricQuery> queries, String build) {
        this(deploy, plan, queries, build, null, null);
    }

    /** The same canary of another deploy request (the one with its Vault values read). */
    public CanaryShiftRequest withDeploy(DeployRequest other) {
        return new CanaryShiftRequest(other, plan, queries, build, canaryReplicas, replicaCountKey);
    }

    /**
     * The canary release's deploy: the new version, under the canary's name, with its own replica
     * count added to the values (after the user's, so it wins).
     */
    public DeployRequest canaryDeploy(String canaryRelease) {
        Map<String, Object> values = new LinkedHashMap<>(deploy.values());
        values.put(replicaCountKey, canaryReplicas);
        return deploy.asRelease(canaryRelease).toBuilder().values(values).build();
    }

    /** The dotted values keys {@link #canaryDeploy} sets for the canary release only: its replica count. */
    public List<String> canaryOnlyKeys() {
        return List.of(replicaCountKey);
    }

    /**
     * The stable release's deploy when the run that installed the canary promotes it: {@link #canaryDeploy} under the
     * stable release's name, less its canary-only keys, so stable gets the canary's values files, values, secret values
     * and image without reading them back from the canary release. A value the user gave at a canary-only key is left
     * out as well, as the canary never ran it and the read-back promotion leaves it out too; stable keeps what its
     * values files say there.
     */
    public DeployRequest stableDeploy() {
        Map<String, Object> values = new GeneratedValues().putAll("values", deploy.values()).asMap();
        canaryOnlyKeys().forEach(key -> GeneratedValues.removeAt(values, key));
        return deploy.toBuilder().values(values).build();
    }
}
