package io.jenkins.plugins.kubedelivery.engine.analysis.prometheus;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import org.junit.Test;

public class PrometheusUrlTest {
    private static String endpoint(String url) {
        return PrometheusMetricProvider.queryEndpoint(url).toString();
    }

    private static String refusal(String url) {
        return assertThrows(ValidationException.class, () -> PrometheusMetricProvider.queryEndpoint(url)).getMessage();
    }

    @Test
    public void theQueryApiIsBelowAnyPathPrefix() {
        assertEquals("http://prometheus.monitoring:9090/api/v1/query", endpoint("http://prometheus.monitoring:9090"));
        assertEquals("http://prometheus.monitoring:9090/api/v1/query", endpoint("http://prometheus.monitoring:9090/"));
        assertEquals("https://metrics.example.com/prometheus/api/v1/query", endpoint(" https://metrics.example.com/prometheus "));
    }

    @Test
    public void anythingButAnHttpUrlWithAHostIsRefused() {
        assertEquals("prometheusUrl: 'prometheus:9090' is not an http(s) URL with a host; write it like"
                + " http://prometheus.monitoring:9090", refusal("prometheus:9090"));
        assertEquals("prometheusUrl: 'file:///etc/passwd' is not an http(s) URL with a host; write it like"
                + " http://prometheus.monitoring:9090", refusal("file:///etc/passwd"));
        assertEquals("prometheusUrl: '' is not an http(s) URL with a host; write it like http://prometheus.monitoring:9090",
                refusal(""));
        assertEquals("prometheusUrl: 'http://a b' is not a URL; write it like http://prometheus.monitoring:9090", refusal("http://a b"));
    }

    @Test
    public void credentialsAndQueriesDoNotBelongInTheUrl() {
        assertEquals("prometheusUrl: must not carry a query, a fragment or credentials; give credentials with"
                + " prometheusCredentialsId", refusal("http://user:secret@prometheus:9090"));
        assertEquals("prometheusUrl: must not carry a query, a fragment or credentials; give credentials with"
                + " prometheusCredentialsId", refusal("http://prometheus:9090/?x=1"));
    }
}
