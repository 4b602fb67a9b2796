package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.Threshold;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.RequestMetrics;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import java.io.Serializable;
import java.util.Optional;

/**
 * One check of a canary's analysis as the user named it, from a step's {@code analysis} or
 * {@code delivery.yaml}'s {@code canary.analysis}: checked when made (every refusal names
 * {@code analysis}), so both sources refuse the same values with the same words. Names and numbers
 * only, so it is kept with a resumable call.
 */
public sealed interface CheckSpec extends Serializable {
    /** The check's name in the log and the result. */
    String name();

    Threshold threshold();

    /**
     * The query template over the router's request metrics.
     *
     * @param metrics where the router's request metrics come from, empty when it has none
     * @throws ValidationException naming {@code analysis} when the check needs metrics the router has not
     */
    MetricQuery query(Optional<RequestMetrics> metrics);

    /** The check with the limits the step gives every check. */
    default MetricCheck check(int failureLimit, int inconclusiveLimit) {
        return new MetricCheck(name(), threshold(), null, failureLimit, inconclusiveLimit, MetricCheck.DEFAULT_CONSECUTIVE_ERROR_LIMIT);
    }

    /** {@code errorRate(max: 0.01)}: the canary's share of 5xx answers, from the router's request metrics. */
    record ErrorRate(double max) implements CheckSpec {
        public static final String NAME = "error-rate";

        public ErrorRate {
            if (!(max >= 0 && max <= 1)) {
                throw new ValidationException("analysis", "errorRate(max: " + max + ") is a share of requests from 0 to 1, e.g. 0.01 for 1%");
            }
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Threshold threshold() {
            return Threshold.atMost(max);
        }

        @Override
        public MetricQuery query(Optional<RequestMetrics> metrics) {
            return builtIn(metrics, "errorRate").errorRate();
        }
    }

    /** {@code latency(percentile: 99, maxMillis: 500)}: the canary's request duration at a percentile. */
    record Latency(double maxMillis, int percentile) implements CheckSpec {
        public static final int DEFAULT_PERCENTILE = 99;

        public Latency {
            if (!(maxMillis > 0) || Double.isInfinite(maxMillis)) {
                throw new ValidationException("analysis", "latency(maxMillis: " + maxMillis + ") must be a number of milliseconds above 0");
            }
            if (percentile < 1 || percentile > 99) {
                throw new ValidationException("analysis", "latency(percentile: " + percentile + ") must be from 1 to 99, e.g. 99");
            }
        }

        @Override
        public String name() {
            return "latency-p" + percentile;
        }

        @Override
        public Threshold threshold() {
            return Threshold.atMost(maxMillis);
        }

        @Override
        public MetricQuery query(Optional<RequestMetrics> metrics) {
            return builtIn(metrics, "latency").latency(percentile);
        }
    }

    /**
     * {@code prometheus(name: 'orders-failing', query: '...', max: 5)}: any PromQL query that comes down to one number,
     * with {@code {{namespace}}}, {@code {{service}}}, {@code {{canary}}} and {@code {{interval}}} filled in.
     *
     * @param min the smallest good value, or {@code null}
     * @param max the largest good value, or {@code null}
     */
    record Query(String name, String query, Double min, Double max) implements CheckSpec {
        public Query {
            if (name == null || name.isBlank()) {
                throw new ValidationException("analysis", "is required: prometheus(name: 'orders-failing', ...)");
            }
            NameRules.requireDnsLabel("analysis", name);
            if (query == null || query.isBlank()) {
                throw new ValidationException("analysis", "is required: prometheus(name: '" + name + "', query: 'sum(...)', max: 5)");
            }
            new Threshold(min, max); // refused now, not when the canary is measured
        }

        @Override
        public Threshold threshold() {
            return new Threshold(min, max);
        }

        @Override
        public MetricQuery query(Optional<RequestMetrics> metrics) {
            return new MetricQuery(query, null);
        }
    }

    private static RequestMetrics builtIn(Optional<RequestMetrics> metrics, String check) {
        return metrics.orElseThrow(() -> new ValidationException("analysis", check
                + "() reads the router's request metrics, and replicas() has none: use prometheus(name:, query:, max:) with"
                + " your own query"));
    }
}
