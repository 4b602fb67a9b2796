package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.analysis.MetricProvider;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricReading;
import java.util.ArrayList;
import java.util.List;

/** A metric source that answers a script, the last answer repeating, and keeps the queries it was asked. */
final class ScriptedMetrics implements MetricProvider {
    private final List<MetricReading> script;
    private final List<MetricQuery> asked = new ArrayList<>();
    private String unavailable;

    ScriptedMetrics(MetricReading... script) {
        this.script = List.of(script);
    }

    static MetricReading value(double v) {
        return new MetricReading.Value(v, null);
    }

    ScriptedMetrics unavailable(String reason) {
        unavailable = reason;
        return this;
    }

    @Override
    public synchronized MetricReading read(MetricQuery query) {
        asked.add(query);
        return script.get(Math.min(asked.size(), script.size()) - 1);
    }

    @Override
    public String unavailableReason() {
        return unavailable;
    }

    synchronized List<MetricQuery> asked() {
        return List.copyOf(asked);
    }
}
