package io.jenkins.plugins.kubedelivery.engine.preview;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Namespaces as kubectl prints them, and preview requests, for the preview tests. */
final class PreviewFixtures {
    private PreviewFixtures() {}

    static PreviewRequest request(String pr) {
        return new PreviewRequest(pr, "shop", "feature/pay", "abc123", "https://ci.example.com/job/shop/PR-" + pr + "/3/",
                null, "pr-{pr}.{repository}.preview.example.com", Duration.ofHours(72), Map.of(), Map.of(), Map.of(), true,
                "ingress-nginx", List.of(), null, Map.of(), Map.of());
    }

    static JsonObject namespace(String name, Map<String, String> labels, Map<String, String> annotations, String phase) {
        JsonObject l = new JsonObject();
        labels.forEach(l::add);
        JsonObject a = new JsonObject();
        annotations.forEach(a::add);
        return new JsonObject().add("apiVersion", "v1").add("kind", "Namespace")
                .add("metadata", new JsonObject().add("name", name).add("uid", uid(name)).add("resourceVersion", "17")
                        .add("labels", l).add("annotations", a))
                .add("status", new JsonObject().add("phase", phase));
    }

    /** The uid {@link #namespace} gives a namespace of this name. */
    static String uid(String name) {
        return "uid-of-" + name;
    }

    static Map<String, String> owned(String pr, String repository) {
        return Map.of(Ownership.MANAGED_BY, Ownership.MANAGER, Ownership.PREVIEW, "true", Ownership.PR, pr, Ownership.REPOSITORY, repository);
    }

    static String list(List<JsonObject> namespaces) {
        JsonArray items = new JsonArray();
        namespaces.forEach(items::add);
        return new JsonObject().add("apiVersion", "v1").add("kind", "List").add("items", items).toString();
    }
}
