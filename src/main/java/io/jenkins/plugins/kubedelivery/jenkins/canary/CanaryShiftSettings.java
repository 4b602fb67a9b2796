package io.jenkins.plugins.kubedelivery.jenkins.canary;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.required;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.PrometheusMetricProvider;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.RequestMetrics;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryPlan;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryShiftRequest;
import io.jenkins.plugins.kubedelivery.engine.canary.CheckSpec;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.monorepo.CanaryDefaults;
import io.jenkins.plugins.kubedelivery.engine.monorepo.SettingsChoice;
import io.jenkins.plugins.kubedelivery.jenkins.DurationText;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * canaryShift's parameters as the step was given them, converted and checked but not yet completed:
 * {@code null} where a parameter was not given, so that {@code delivery.yaml} can fill it
 * ({@link #withCatalogue}) before the built-in defaults do ({@link #toRequest}). Kept with the resumable
 * call, so it holds names, numbers and plain lists only, never a secret.
 *
 * @param deploy the new version as a deploy of the stable release
 * @param router the router, or {@code null} when not given
 * @param analysis the checks, or {@code null} when not given (an empty list given means no checks)
 * @param steps the weights as {@link WeightSteps#portable} keeps them, or {@code null}
 * @param build who runs the canary, recorded in the cluster
 */
record CanaryShiftSettings(DeployRequest deploy, RouterSpec router, List<CheckSpec> analysis, List<Object> steps, String pause,
        String interval, Integer failureLimit, Integer inconclusiveLimit, Integer minRequests, String prometheusUrl, String build,
        int canaryReplicas, String replicaCountKey) implements Serializable {
    private static final long serialVersionUID = 1L;

    CanaryShiftSettings {
        analysis = analysis == null ? null : List.copyOf(analysis);
        steps = steps == null ? null : new ArrayList<>(steps);
        requireNotNegative("failureLimit", failureLimit);
        requireNotNegative("inconclusiveLimit", inconclusiveLimit);
        // the pauses, the interval and the weights are checked now, with the built-in defaults for what is not given
        plan(steps, pause, interval, minRequests, List.of());
    }

    /** These parameters with {@code delivery.yaml}'s values for what the step did not give, each picked through the file's one choice. */
    CanaryShiftSettings withCatalogue(CanaryCatalogue file) {
        SettingsChoice choice = file.choice();
        CanaryDefaults canary = file.canary();
        DeployRequest filled = file.settings().applyTo(deploy, choice);
        RouterSpec routed = file.router(router, filled.release());
        List<Object> weights = canary.steps().isEmpty() ? null : new ArrayList<>(canary.steps());
        List<CheckSpec> checks = canary.analysis().isEmpty() ? null : canary.analysis();
        return new CanaryShiftSettings(filled, routed,
                choice.pick("analysis", analysis, checks, c -> String.join(", ", c.stream().map(CheckSpec::name).toList())),
                choice.pick("steps", steps, weights, String::valueOf),
                choice.pick("pause", pause, canary.pause()),
                choice.pick("interval", interval, canary.interval()),
                choice.pick("failureLimit", failureLimit, canary.failureLimit(), String::valueOf),
                choice.pick("inconclusiveLimit", inconclusiveLimit, canary.inconclusiveLimit(), String::valueOf),
                choice.pick("minRequests", minRequests, canary.minRequests(), String::valueOf),
                choice.pick("prometheusUrl", prometheusUrl, canary.prometheusUrl()),
                build, canaryReplicas, replicaCountKey);
    }

    /**
     * The engine's request, with the built-in defaults for what neither the step nor the file gave.
     *
     * @throws ValidationException naming the parameter that cannot be used, {@code router} when there is none
     */
    CanaryShiftRequest toRequest() {
        Optional<RequestMetrics> metrics = CanaryCatalogue.requireRouter(router).requestMetrics();
        int failures = failureLimit == null ? CanaryShiftStep.DEFAULT_FAILURE_LIMIT : failureLimit;
        int inconclusive = inconclusiveLimit == null ? CanaryShiftStep.DEFAULT_INCONCLUSIVE_LIMIT : inconclusiveLimit;
        List<MetricCheck> checks = new ArrayList<>();
        Map<String, MetricQuery> queries = new LinkedHashMap<>();
        for (CheckSpec check : analysis == null ? List.<CheckSpec>of() : analysis) {
            MetricCheck converted = check.check(failures, inconclusive);
            checks.add(converted);
            queries.put(converted.name(), check.query(metrics));
        }
        if (!checks.isEmpty()) {
            PrometheusMetricProvider.queryEndpoint(required("prometheusUrl", prometheusUrl,
                    "the analysis needs Prometheus' address, e.g. http://prometheus.monitoring:9090 (in the step or in"
                            + " delivery.yaml's canary section)"));
        }
        return new CanaryShiftRequest(deploy, plan(steps, pause, interval, minRequests, checks), queries, build, canaryReplicas,
                replicaCountKey);
    }

    private static void requireNotNegative(String parameter, Integer limit) {
        if (limit != null && limit < 0) {
            throw new ValidationException(parameter, "must be 0 or more");
        }
    }

    /** The plan, with canaryShift's built-in default for each of steps, pause, interval and minRequests not given. */
    private static CanaryPlan plan(List<Object> steps, String pause, String interval, Integer minRequests, List<MetricCheck> checks) {
        return new CanaryPlan(WeightSteps.parse(steps != null ? steps : CanaryShiftStep.DEFAULT_STEPS,
                pause != null ? pause : CanaryShiftStep.DEFAULT_PAUSE),
                DurationText.parse("interval", interval != null ? interval : CanaryShiftStep.DEFAULT_INTERVAL), checks,
                minRequests != null ? minRequests : CanaryShiftStep.DEFAULT_MIN_REQUESTS);
    }
}
