package io.jenkins.plugins.kubedelivery.engine.analysis.prometheus;

import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import java.util.Locale;

/**
 * Where the canary's request metrics come from, which depends on the router, and the queries of the
 * built-in checks for each source, so that users give only thresholds. Every query selects the
 * canary's requests only, over one interval, and comes down to one number. Placeholders are filled
 * by {@link QueryTemplate}: {@code {{ingress}}} is the stable Ingress (ingress-nginx labels canary
 * requests with a non-empty {@code canary} label under the stable Ingress's name), {@code {{canary}}}
 * the canary's workload and Service name.
 */
public enum RequestMetrics {
    /** ingress-nginx's controller metrics (the {@code nginx} router). */
    INGRESS_NGINX(
            "nginx_ingress_controller_requests{namespace=\"{{namespace}}\",ingress=\"{{ingress}}\",canary!=\"\"%s}",
            "status=~\"5..\"",
            "nginx_ingress_controller_request_duration_seconds_bucket{namespace=\"{{namespace}}\",ingress=\"{{ingress}}\",canary!=\"\"}",
            1000),
    /** Istio's standard metrics, reported by the canary's own sidecars (the {@code istio} router). */
    ISTIO(
            "istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"{{namespace}}\","
                    + "destination_workload=\"{{canary}}\"%s}",
            "response_code=~\"5..\"",
            "istio_request_duration_milliseconds_bucket{reporter=\"destination\",destination_workload_namespace=\"{{namespace}}\","
                    + "destination_workload=\"{{canary}}\"}",
            1),
    /**
     * Envoy's upstream cluster metrics, for Gateway API implementations that name a cluster after the
     * backend Service as {@code <namespace>_<service>_<port>...} (Contour); others need
     * {@code prometheus(query:)}.
     */
    ENVOY(
            "envoy_cluster_upstream_rq{envoy_cluster_name=~\"{{namespace}}_{{canary}}_[0-9a-zA-Z-]+\"%s}",
            "envoy_response_code=~\"5..\"",
            "envoy_cluster_upstream_rq_time_bucket{envoy_cluster_name=~\"{{namespace}}_{{canary}}_[0-9a-zA-Z-]+\"}",
            1);

    private final String requests;
    private final String serverError;
    private final String durationBuckets;
    private final int toMillis;

    /**
     * @param requests the request counter with the canary's selector; {@code %s} takes an extra matcher
     * @param serverError the matcher for a 5xx answer
     * @param durationBuckets the request duration histogram's buckets, canary only
     * @param toMillis the factor from the histogram's unit to milliseconds
     */
    RequestMetrics(String requests, String serverError, String durationBuckets, int toMillis) {
        this.requests = requests;
        this.serverError = serverError;
        this.durationBuckets = durationBuckets;
        this.toMillis = toMillis;
    }

    /**
     * The share of the canary's requests answered with a 5xx, 0 to 1. With requests but no errors the
     * error series may not exist at all, hence {@code or vector(0)}; with no requests the ratio is
     * NaN or empty, which the judge calls inconclusive.
     */
    public MetricQuery errorRate() {
        String all = "sum(rate(" + requests.formatted("") + "[{{interval}}]))";
        String errors = "(sum(rate(" + requests.formatted("," + serverError) + "[{{interval}}])) or vector(0))";
        return new MetricQuery(errors + " / " + all, requestCount());
    }

    /** The canary's request duration at a percentile, in milliseconds. */
    public MetricQuery latency(double percentile) {
        String quantile = String.format(Locale.ROOT, "%s", percentile / 100);
        String query = "histogram_quantile(" + quantile + ", sum by (le) (rate(" + durationBuckets + "[{{interval}}])))"
                + (toMillis == 1 ? "" : " * " + toMillis);
        return new MetricQuery(query, requestCount());
    }

    /** How many requests the canary served in the interval: what minRequests is held against. */
    private String requestCount() {
        return "sum(increase(" + requests.formatted("") + "[{{interval}}]))";
    }
}
