package io.jenkins.plugins.kubedelivery.engine.canary;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricSource;
import io.jenkins.plugins.kubedelivery.engine.analysis.Threshold;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class CanaryRecordTest {
    private static final CanaryRecord RECORD = new CanaryRecord(
            new CanaryPlan(List.of(new CanaryStep(10, new Pause.Timed(Duration.ofMinutes(5))), new CanaryStep(50, new Pause.Manual()),
                    new CanaryStep(100, Pause.NONE)), Duration.ofSeconds(90),
                    List.of(new MetricCheck("error-rate", Threshold.atMost(0.01), null, 1, 2, 4),
                            new MetricCheck("throughput", new Threshold(0.5, 2.0), 3, 0, 0, 4)), 50),
            Map.of("error-rate", new MetricQuery("sum(rate(x{service=\"payments-canary\"}[90s]))", "sum(rate(y[90s]))"),
                    "throughput", new MetricQuery("sum(z)", null)),
            new MetricSource("http://prometheus.monitoring:9090", "prometheus-token"),
            new CanaryRecord.Promotion("helm/payments", "1.4.2", null, true, false, 10, "2.0.0", List.of("db.password"),
                    List.of("replicaCount")));

    @Test
    public void everyPartOfTheCourseReadsBackAsItWasWritten() {
        String json = RECORD.toJson();
        assertEquals(RECORD, CanaryRecord.parse(json, "by test"));
        JsonObject root = Json.parse(json).asObject();
        assertEquals(CanaryRecord.VERSION, root.getInt("version", 0));
        assertEquals("the pauses as a person reads them", "PT5M", root.get("steps").asArray().get(0).asObject().getString("pause", ""));
        assertEquals("manual", root.get("steps").asArray().get(1).asObject().getString("pause", ""));
        assertThat("the credential by its id only", json, containsString("\"prometheusCredentialsId\":\"prometheus-token\""));
    }

    @Test
    public void aRecordOfAnotherFormatIsRefusedWithWhatToDo() {
        JsonObject future = Json.parse(RECORD.toJson()).asObject().set("version", CanaryRecord.VERSION + 1);
        EngineException e = assertThrows(EngineException.class, () -> CanaryRecord.parse(future.toString(), "25% for payments-canary"));
        assertThat(e.getMessage(), containsString("recorded in format " + (CanaryRecord.VERSION + 1)));
        assertThat(e.getMessage(), containsString("reads format " + CanaryRecord.VERSION + " only"));
        assertThat(e.getMessage(), containsString("canaryAbort"));
        JsonObject unversioned = Json.parse(RECORD.toJson()).asObject();
        unversioned.remove("version");
        assertThat(assertThrows(EngineException.class, () -> CanaryRecord.parse(unversioned.toString(), "c")).getMessage(),
                containsString("recorded in format null"));
    }

    @Test
    public void aRecordEditedByHandIsNamedNotGuessed() {
        JsonObject edited = Json.parse(RECORD.toJson()).asObject();
        edited.get("steps").asArray().get(1).asObject().set("weight", 5); // no longer increasing
        EngineException e = assertThrows(EngineException.class, () -> CanaryRecord.parse(edited.toString(), "c"));
        assertThat(e.getMessage(), containsString("is not what the plugin writes"));
        assertThrows(EngineException.class, () -> CanaryRecord.parse("[1]", "c"));
        JsonObject missing = Json.parse(RECORD.toJson()).asObject();
        missing.remove("promotion");
        assertThat(assertThrows(EngineException.class, () -> CanaryRecord.parse(missing.toString(), "c")).getMessage(),
                containsString("edited by hand"));
    }

    @Test
    public void queriesTooLongForTheAnnotationAreRefusedBeforeAnythingRuns() {
        CanaryRecord huge = new CanaryRecord(RECORD.plan(), Map.of("error-rate", new MetricQuery("x".repeat(CanaryRecord.MAX_CHARS), null),
                "throughput", new MetricQuery("sum(z)", null)), MetricSource.NONE, RECORD.promotion());
        ValidationException e = assertThrows(ValidationException.class, huge::toJson);
        assertEquals("analysis", e.parameter());
    }
}
