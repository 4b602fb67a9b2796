package io.jenkins.plugins.kubedelivery.engine.analysis.prometheus;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricProvider;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricReading;
import io.jenkins.plugins.kubedelivery.engine.http.HttpAnswer;
import io.jenkins.plugins.kubedelivery.engine.http.HttpCall;
import io.jenkins.plugins.kubedelivery.engine.http.HttpTransport;
import io.jenkins.plugins.kubedelivery.engine.http.HttpUrls;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Measures with the Prometheus HTTP API ({@code POST /api/v1/query}, the query form-encoded in the
 * body, so any length and any character is fine and nothing reaches a command line). A query must
 * come down to one number: a scalar, or a vector of exactly one series; an empty vector is no data.
 */
public final class PrometheusMetricProvider implements MetricProvider {
    /** The smallest query that proves the API answers with these credentials. */
    static final String PROBE_QUERY = "vector(1)";

    private final HttpTransport http;
    private final URI queryEndpoint;
    private final Map<String, String> headers;
    private final Duration timeout;

    /**
     * @param baseUrl Prometheus' address, with any path prefix ({@code http://prometheus.monitoring:9090},
     *     {@code https://metrics.example.com/prometheus})
     * @param headers extra headers, e.g. {@code Authorization}; their values are never shown
     */
    public PrometheusMetricProvider(HttpTransport http, String baseUrl, Map<String, String> headers, Duration timeout) {
        this.http = http;
        this.queryEndpoint = queryEndpoint(baseUrl);
        this.headers = Map.copyOf(headers);
        this.timeout = timeout;
    }

    /** The API endpoint of a base URL; checks it first, so the step refuses a bad URL before any command. */
    public static URI queryEndpoint(String baseUrl) {
        URI base = HttpUrls.requireBase("prometheusUrl", baseUrl, "http://prometheus.monitoring:9090", "prometheusCredentialsId");
        String path = base.getPath() == null ? "" : base.getPath();
        return base.resolve((path.endsWith("/") ? path : path + "/") + "api/v1/query");
    }

    @Override
    public MetricReading read(MetricQuery query) throws InterruptedException {
        MetricReading value = single(query.query());
        if (query.requestCountQuery() == null || !(value instanceof MetricReading.Value v)) {
            return value;
        }
        MetricReading requests = single(query.requestCountQuery());
        if (requests instanceof MetricReading.Failure failure) {
            return new MetricReading.Failure("request count: " + failure.message());
        }
        double count = requests instanceof MetricReading.Value r && !Double.isNaN(r.value()) ? r.value() : 0;
        return new MetricReading.Value(v.value(), count);
    }

    @Override
    public String unavailableReason() throws InterruptedException {
        MetricReading probe = single(PROBE_QUERY);
        return probe instanceof MetricReading.Failure failure ? failure.message() : null;
    }

    private MetricReading single(String query) throws InterruptedException {
        HttpAnswer answer;
        try {
            answer = http.send(new HttpCall("POST", queryEndpoint, headers,
                    "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), timeout));
        } catch (IOException e) {
            return new MetricReading.Failure(queryEndpoint + " did not answer: " + e.getMessage());
        }
        return PrometheusAnswers.reading(answer);
    }

    /** Reads the API's JSON answer; a pure function, tested on answers captured from a real Prometheus. */
    static final class PrometheusAnswers {
        private PrometheusAnswers() {}

        static MetricReading reading(HttpAnswer answer) {
            JsonObject body;
            try {
                body = Json.parse(answer.body()).asObject();
            } catch (ParseException | UnsupportedOperationException e) {
                return new MetricReading.Failure("HTTP " + answer.status() + " and no Prometheus API answer: " + excerpt(answer.body()));
            }
            if (!"success".equals(body.getString("status", ""))) {
                return new MetricReading.Failure("HTTP " + answer.status() + ", " + body.getString("errorType", "error") + ": "
                        + body.getString("error", "no message"));
            }
            JsonObject data = body.get("data").asObject();
            String type = data.getString("resultType", "");
            JsonValue result = data.get("result");
            return switch (type) {
                case "scalar" -> value(result.asArray());
                case "vector" -> vector(result.asArray());
                default -> new MetricReading.Failure("the query returned a " + type + "; it must return one number (a scalar"
                        + " or a single series, e.g. wrap it in sum())");
            };
        }

        private static MetricReading vector(JsonArray series) {
            if (series.isEmpty()) {
                return new MetricReading.NoData("the query matched no series");
            }
            if (series.size() > 1) {
                return new MetricReading.Failure("the query returned " + series.size() + " series; it must return one"
                        + " (aggregate it, e.g. with sum())");
            }
            return value(series.get(0).asObject().get("value").asArray());
        }

        /** A sample is {@code [timestamp, "value"]}; Prometheus writes NaN and infinities as strings too. */
        private static MetricReading value(JsonArray sample) {
            String text = sample.get(1).asString();
            double value = switch (text) {
                case "NaN" -> Double.NaN;
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(text);
            };
            return new MetricReading.Value(value, null);
        }

        private static String excerpt(String body) {
            String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
            return flat.length() <= 200 ? flat : flat.substring(0, 197) + "...";
        }
    }
}
