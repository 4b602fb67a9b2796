package io.jenkins.plugins.kubedelivery.engine.analysis.prometheus;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.analysis.MetricReading;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.PrometheusMetricProvider.PrometheusAnswers;
import io.jenkins.plugins.kubedelivery.engine.http.HttpAnswer;
import org.junit.Test;

/** Answers as Prometheus 2.42 gave them to {@code POST /api/v1/query} (captured with curl). */
public class PrometheusAnswersTest {
    private static MetricReading read(int status, String body) {
        return PrometheusAnswers.reading(new HttpAnswer(status, body));
    }

    @Test
    public void aSingleSeriesIsItsValue() {
        assertEquals(new MetricReading.Value(2, null), read(200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1796209467.695,\"2\"]}]}}"));
    }

    @Test
    public void aScalarIsItsValueAndNaNStaysNaN() {
        MetricReading nan = read(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1796209467.734,\"NaN\"]}}");
        assertTrue(Double.isNaN(((MetricReading.Value) nan).value()));
        assertEquals(new MetricReading.Value(Double.POSITIVE_INFINITY, null),
                read(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"+Inf\"]}}"));
    }

    @Test
    public void noSeriesIsNoData() {
        assertEquals(new MetricReading.NoData("the query matched no series"),
                read(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
    }

    @Test
    public void severalSeriesAreRefusedWithTheFix() {
        assertEquals(new MetricReading.Failure("the query returned 2 series; it must return one (aggregate it, e.g. with sum())"),
                read(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"a\":\"b\"},"
                        + "\"value\":[1796209467.744,\"1\"]},{\"metric\":{\"a\":\"c\"},\"value\":[1796209467.744,\"2\"]}]}}"));
    }

    @Test
    public void aRangeVectorIsRefused() {
        MetricReading reading = read(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");
        assertEquals(new MetricReading.Failure("the query returned a matrix; it must return one number (a scalar or a single"
                + " series, e.g. wrap it in sum())"), reading);
    }

    @Test
    public void prometheusErrorsKeepItsWords() {
        assertEquals(new MetricReading.Failure("HTTP 400, bad_data: invalid parameter \"query\": 1:14: parse error: unclosed left"
                + " parenthesis"), read(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter"
                + " \\\"query\\\": 1:14: parse error: unclosed left parenthesis\"}"));
    }

    @Test
    public void somethingElseAnsweringIsSaidPlainly() {
        assertEquals(new MetricReading.Failure("HTTP 502 and no Prometheus API answer: <html> <body>Bad Gateway</body> </html>"),
                read(502, "<html>\n<body>Bad Gateway</body>\n</html>"));
    }
}
