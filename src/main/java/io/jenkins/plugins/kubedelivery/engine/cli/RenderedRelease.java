package io.jenkins.plugins.kubedelivery.engine.cli;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The release a server-side dry run would record, as helm printed it.
 *
 * @param revision the revision the upgrade would create
 * @param manifest the objects helm would apply and keep as the release's own (hooks excluded); may hold Secrets
 * @param hooks what helm would run around the upgrade (or on {@code helm test}), never kept as release objects
 */
public record RenderedRelease(int revision, String chartName, String chartVersion, String appVersion, String manifest,
        List<Hook> hooks) {

    /** A hook as helm lists it; its manifest is not kept, since a hook may be a Secret. */
    public record Hook(String kind, String name, List<String> events) {}

    static RenderedRelease of(JsonObject release) {
        ChartMetadata chart = ChartMetadata.of(release);
        List<Hook> hooks = new ArrayList<>();
        JsonValue hookList = release.get("hooks");
        if (hookList != null && hookList.isArray()) {
            for (JsonValue hook : hookList.asArray()) {
                JsonObject h = hook.asObject();
                List<String> events = new ArrayList<>();
                JsonValue eventList = h.get("events");
                if (eventList != null && eventList.isArray()) {
                    eventList.asArray().forEach(e -> events.add(e.asString()));
                }
                hooks.add(new Hook(h.getString("kind", ""), h.getString("name", ""), List.copyOf(events)));
            }
        }
        return new RenderedRelease(release.getInt("version", 0), chart.name(), chart.version(), chart.appVersion(),
                release.getString("manifest", ""), List.copyOf(hooks));
    }
}
