package io.jenkins.plugins.kubedelivery.jenkins.canary;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricProvider;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricSource;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.PrometheusMetricProvider;
import io.jenkins.plugins.kubedelivery.jenkins.EngineSession;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Opens a canary's metric source where the step runs: Prometheus at its address, with the bearer token of the named
 * Jenkins credential looked up now (never kept). canaryShift opens the source it is given; canaryPromote the one the
 * canary recorded in the cluster.
 */
final class PrometheusSource implements MetricSource.Opener {
    /** How long one Prometheus query may take. */
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);

    private final EngineSession session;

    PrometheusSource(EngineSession session) {
        this.session = session;
    }

    @Override
    public MetricProvider open(MetricSource source) throws InterruptedException {
        Map<String, String> headers; // looked up even without an address, so a wrong id is said at once
        try {
            headers = source.credentialsId() == null ? Map.of()
                    : Map.of("Authorization", "Bearer " + session.secretText("prometheusCredentialsId", source.credentialsId()));
        } catch (IOException e) {
            throw new EngineException("could not read the credential " + source.credentialsId() + " for Prometheus: "
                    + e.getMessage(), e);
        }
        return source.prometheusUrl() == null ? MetricProvider.NONE : new PrometheusMetricProvider(session.http(), source.prometheusUrl(), headers, QUERY_TIMEOUT);
    }
}
