package io.jenkins.plugins.kubedelivery.engine.preview;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.WriterConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects a preview environment is made of: the Namespace (created, or replaced from the
 * version whose ownership was checked), then, for one {@code kubectl apply}, its quota, limits,
 * network policy and copied Secrets, every one labelled as the plugin's. Written as a YAML stream of JSON documents rather than a {@code v1 List}: kubectl
 * validates a List on the client from {@code /openapi/v2}, but each document on the server.
 */
final class PreviewManifests {
    static final String QUOTA_NAME = "kube-delivery-preview";
    static final String LIMITS_NAME = "kube-delivery-preview";
    static final String POLICY_NAME = "kube-delivery-default-deny";

    private PreviewManifests() {}

    /** The Namespace, then what lives in it. */
    static List<JsonObject> objects(PreviewPlan plan, List<JsonObject> sourceSecrets) {
        List<JsonObject> items = new ArrayList<>();
        items.add(namespace(plan));
        items.addAll(contents(plan, sourceSecrets));
        return items;
    }

    /** What lives in the namespace: quota, limits, network policy and copied Secrets, as asked. */
    static List<JsonObject> contents(PreviewPlan plan, List<JsonObject> sourceSecrets) {
        List<JsonObject> items = new ArrayList<>();
        if (!plan.request().quota().isEmpty()) {
            items.add(object("v1", "ResourceQuota", QUOTA_NAME, plan).add("spec", new JsonObject().add("hard", strings(plan.request().quota()))));
        }
        if (!plan.request().limitDefaults().isEmpty() || !plan.request().limitDefaultRequests().isEmpty()) {
            items.add(limitRange(plan));
        }
        if (plan.request().networkPolicy()) {
            items.add(networkPolicy(plan));
        }
        for (JsonObject secret : sourceSecrets) {
            items.add(copiedSecret(secret, plan));
        }
        return items;
    }

    static JsonObject namespace(PreviewPlan plan) {
        JsonObject metadata = new JsonObject().add("name", plan.namespace())
                .add("labels", strings(plan.labels())).add("annotations", strings(plan.annotations()));
        return new JsonObject().add("apiVersion", "v1").add("kind", "Namespace").add("metadata", metadata);
    }

    /**
     * The namespace as it was read, with the plan's labels and annotations set over its own: a
     * replace of it keeps what others added, and carries the resourceVersion it was read at, so the
     * server refuses it if the namespace changed since its ownership was checked.
     */
    static JsonObject renewed(JsonObject live, PreviewPlan plan) {
        JsonObject copy = Json.parse(live.toString()).asObject();
        JsonObject metadata = copy.get("metadata").asObject();
        metadata.set("labels", merged(metadata.get("labels"), plan.labels()));
        metadata.set("annotations", merged(metadata.get("annotations"), plan.annotations()));
        return copy;
    }

    private static JsonObject merged(JsonValue existing, Map<String, String> over) {
        JsonObject merged = existing != null && existing.isObject() ? existing.asObject() : new JsonObject();
        over.forEach(merged::set);
        return merged;
    }

    private static JsonObject limitRange(PreviewPlan plan) {
        JsonObject limit = new JsonObject().add("type", "Container");
        if (!plan.request().limitDefaults().isEmpty()) {
            limit.add("default", strings(plan.request().limitDefaults()));
        }
        if (!plan.request().limitDefaultRequests().isEmpty()) {
            limit.add("defaultRequest", strings(plan.request().limitDefaultRequests()));
        }
        return object("v1", "LimitRange", LIMITS_NAME, plan).add("spec", new JsonObject().add("limits", new JsonArray().add(limit)));
    }

    /** Denies ingress except from pods of the namespace itself and from the ingress controller. */
    private static JsonObject networkPolicy(PreviewPlan plan) {
        JsonObject samePods = new JsonObject().add("from", new JsonArray().add(new JsonObject().add("podSelector", new JsonObject())));
        JsonObject ingressController = new JsonObject().add("from", new JsonArray().add(new JsonObject().add("namespaceSelector",
                new JsonObject().add("matchLabels", new JsonObject().add("kubernetes.io/metadata.name", plan.request().ingressNamespace())))));
        JsonObject spec = new JsonObject().add("podSelector", new JsonObject())
                .add("policyTypes", new JsonArray().add("Ingress"))
                .add("ingress", new JsonArray().add(samePods).add(ingressController));
        return object("networking.k8s.io/v1", "NetworkPolicy", POLICY_NAME, plan).add("spec", spec);
    }

    /** A copy keeps only name, type and contents; the source's identity and history stay behind. */
    private static JsonObject copiedSecret(JsonObject source, PreviewPlan plan) {
        JsonObject sourceMetadata = source.get("metadata").asObject();
        JsonObject copy = object("v1", "Secret", sourceMetadata.getString("name", ""), plan);
        copy.get("metadata").asObject().add("annotations", new JsonObject()
                .add("kube-delivery.io/copied-from", plan.request().secretsNamespace() + "/" + sourceMetadata.getString("name", "")));
        copy.add("type", source.getString("type", "Opaque"));
        if (source.get("data") != null) {
            copy.add("data", source.get("data"));
        }
        return copy;
    }

    private static JsonObject object(String apiVersion, String kind, String name, PreviewPlan plan) {
        JsonObject metadata = new JsonObject().add("name", name).add("namespace", plan.namespace())
                .add("labels", new JsonObject().add(Ownership.MANAGED_BY, Ownership.MANAGER));
        return new JsonObject().add("apiVersion", apiVersion).add("kind", kind).add("metadata", metadata);
    }

    private static JsonObject strings(Map<String, String> map) {
        JsonObject object = new JsonObject();
        map.forEach(object::add);
        return object;
    }

    static String yamlStream(List<JsonObject> objects) {
        StringBuilder out = new StringBuilder();
        for (JsonObject object : objects) {
            out.append("---\n").append(object.toString(WriterConfig.PRETTY_PRINT)).append('\n');
        }
        return out.toString();
    }
}
