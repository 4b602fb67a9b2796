package io.jenkins.plugins.kubedelivery.jenkins.support;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.preview.Ownership;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestLauncher.Reply;
import java.util.LinkedHashMap;
import java.util.Map;

/** Outputs in kubectl's real formats for the preview steps: namespaces, lists, apply and delete lines. */
public final class KubectlReplies {
    private KubectlReplies() {}

    /** What the one read of helm's release records prints when they hold none of the releases asked for. */
    public static Reply noHelmRecords() {
        return Reply.ok("[null]");
    }

    /** {@code get namespace NAME --ignore-not-found --output json} for a namespace that does not exist. */
    public static Reply absent() {
        return Reply.ok("");
    }

    /** A preview namespace the plugin owns, for {@code pr} of {@code repository}. */
    public static JsonObject ownedPreview(String name, String pr, String repository, String expiresAt) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Ownership.MANAGED_BY, Ownership.MANAGER);
        labels.put(Ownership.PREVIEW, "true");
        labels.put(Ownership.PR, pr);
        labels.put(Ownership.REPOSITORY, repository);
        return namespace(name, labels, Map.of(Ownership.CREATED_AT, "2026-11-20T08:00:00Z", Ownership.EXPIRES_AT, expiresAt));
    }

    public static JsonObject namespace(String name, Map<String, String> labels, Map<String, String> annotations) {
        JsonObject metadata = new JsonObject().add("name", name).add("uid", "uid-of-" + name).add("resourceVersion", "17")
                .add("labels", strings(labels)).add("annotations", strings(annotations));
        return new JsonObject().add("apiVersion", "v1").add("kind", "Namespace").add("metadata", metadata)
                .add("spec", new JsonObject().add("finalizers", new JsonArray().add("kubernetes")))
                .add("status", new JsonObject().add("phase", "Active"));
    }

    public static Reply object(JsonObject object) {
        return Reply.ok(object.toString() + "\n");
    }

    /** {@code get namespaces --selector ... --output json}, and {@code get secrets A B ... --output json}. */
    public static Reply list(JsonObject... items) {
        JsonArray array = new JsonArray();
        for (JsonObject item : items) {
            array.add(item);
        }
        return Reply.ok(new JsonObject().add("apiVersion", "v1").add("kind", "List").add("items", array)
                .add("metadata", new JsonObject().add("resourceVersion", "")).toString() + "\n");
    }

    /** An Opaque Secret whose data values are already base64, as the API returns them. */
    public static JsonObject secret(String name, String namespace, Map<String, String> base64Data) {
        JsonObject metadata = new JsonObject().add("name", name).add("namespace", namespace).add("uid", "5d1c0e2a-1111-4c1e-9d3e-000000000001")
                .add("resourceVersion", "4711");
        return new JsonObject().add("apiVersion", "v1").add("kind", "Secret").add("metadata", metadata)
                .add("type", "Opaque").add("data", strings(base64Data));
    }

    /** {@code apply --output name}: one {@code kind/name} line per object. */
    public static Reply applied(String... names) {
        return Reply.ok(String.join("\n", names) + "\n");
    }

    /** {@code delete --raw /api/v1/namespaces/X --filename OPTIONS}: the API's answer, the namespace now Terminating. */
    public static Reply deleted(String name) {
        return Reply.ok(new JsonObject().add("kind", "Namespace").add("apiVersion", "v1")
                .add("metadata", new JsonObject().add("name", name)).add("status", new JsonObject().add("phase", "Terminating"))
                .toString() + "\n");
    }

    /** {@code create --filename F --output name} of a new namespace. */
    public static Reply created(String name) {
        return Reply.ok("namespace/" + name + "\n");
    }

    /** {@code create --filename F} of a name that is taken. */
    public static Reply alreadyExists(String name) {
        return Reply.exit(1, "Error from server (AlreadyExists): error when creating \"/tmp/preview.yaml\": namespaces \"" + name
                + "\" already exists\n");
    }

    /** A delete whose preconditions no longer hold: the namespace changed since it was read. */
    public static Reply preconditionFailed(String name) {
        return Reply.exit(1, "Error from server (Conflict): Operation cannot be fulfilled on namespaces \"" + name
                + "\": Precondition failed: ResourceVersion in precondition: 17, ResourceVersion in object meta: 18\n");
    }

    private static JsonObject strings(Map<String, String> map) {
        JsonObject object = new JsonObject();
        map.forEach(object::add);
        return object;
    }
}
