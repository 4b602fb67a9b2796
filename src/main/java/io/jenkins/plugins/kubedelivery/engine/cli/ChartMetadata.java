package io.jenkins.plugins.kubedelivery.engine.cli;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;

/** The chart a release JSON of helm names: {@code chart.metadata} of {@code upgrade -o json}, real or dry run. */
record ChartMetadata(String name, String version, String appVersion) {
    static ChartMetadata of(JsonObject release) {
        JsonValue chart = release.get("chart");
        JsonValue metadata = chart == null || !chart.isObject() ? null : chart.asObject().get("metadata");
        if (metadata == null || !metadata.isObject()) {
            return new ChartMetadata(null, null, null);
        }
        JsonObject m = metadata.asObject();
        return new ChartMetadata(m.getString("name", null), m.getString("version", null), m.getString("appVersion", null));
    }
}
