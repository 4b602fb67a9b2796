package io.jenkins.plugins.kubedelivery.engine.canary;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A release's labels as {@code helm --labels} recorded them: on the latest revision's storage Secret
 * ({@code sh.helm.release.v1.<release>.v<revision>}), where helm 3.13+ and 4 keep them. Only the
 * labels are read from it; the Secret's content (the release, with its values) is never shown.
 */
final class ReleaseLabels {
    private ReleaseLabels() {}

    /** Empty when the release does not exist; empty labels when it is not stored the way the plugin installs releases. */
    static Optional<Map<String, String>> of(HelmClient helm, KubectlClient kubectl, String release, String namespace)
            throws InterruptedException {
        List<ReleaseRevision> history = helm.history(release, namespace, 1);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        int revision = history.get(history.size() - 1).revision();
        Optional<JsonObject> secret = kubectl.object("secrets", "sh.helm.release.v1." + release + ".v" + revision, namespace);
        Map<String, String> labels = new LinkedHashMap<>();
        JsonValue found = secret.map(s -> s.get("metadata")).map(m -> m.asObject().get("labels")).orElse(null);
        if (found != null && found.isObject()) {
            for (JsonObject.Member member : found.asObject()) {
                labels.put(member.getName(), member.getValue().isString() ? member.getValue().asString() : member.getValue().toString());
            }
        }
        return Optional.of(labels);
    }
}
