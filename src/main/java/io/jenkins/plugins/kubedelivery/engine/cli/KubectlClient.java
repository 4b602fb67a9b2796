package io.jenkins.plugins.kubedelivery.engine.cli;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.NamespaceInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs kubectl verbs and reads their JSON answers; a failure becomes a {@link ToolFailedException}. */
public final class KubectlClient {
    static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final CommandRunner runner;
    private final KubectlCommands commands;

    public KubectlClient(CommandRunner runner, String kubectl, ClusterTarget cluster) {
        this.runner = runner;
        this.commands = new KubectlCommands(kubectl, cluster);
    }

    public Optional<NamespaceInfo> namespace(String name) throws InterruptedException {
        return namespaceObject(name).map(KubectlClient::toNamespace);
    }

    /** The namespace as the server holds it, for a replace that keeps everything but what the plugin sets. */
    public Optional<JsonObject> namespaceObject(String name) throws InterruptedException {
        String output = succeed("kubectl get namespace", commands.getNamespace(name)).output();
        if (output.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(JsonOutput.parse(output, "kubectl get namespace").asObject());
    }

    public List<NamespaceInfo> namespaces(String labelSelector) throws InterruptedException {
        List<NamespaceInfo> namespaces = new ArrayList<>();
        for (JsonObject item : items(succeed("kubectl get namespaces", commands.listNamespaces(labelSelector)).output(), "kubectl get namespaces")) {
            namespaces.add(toNamespace(item));
        }
        return namespaces;
    }

    /** The named Secrets as JSON objects; their values must never be logged. */
    public List<JsonObject> secrets(List<String> names, String namespace) throws InterruptedException {
        return items(succeed("kubectl get secrets", commands.getSecrets(names, namespace)).output(), "kubectl get secrets");
    }

    /**
     * The labels of every helm release record (a Secret per revision) of these releases in the namespace,
     * as {@link KubectlCommands#helmReleaseRecordLabels} reads them; never the records' content.
     */
    public List<Map<String, String>> helmReleaseRecordLabels(String namespace, List<String> releases) throws InterruptedException {
        String verb = "kubectl get secrets";
        String output = succeed(verb, commands.helmReleaseRecordLabels(namespace, releases)).output();
        JsonValue printed = JsonOutput.parse(output, verb);
        if (!printed.isArray()) {
            throw new EngineException(verb + " printed no list of labels; its output began: " + Text.head(output, 300));
        }
        List<Map<String, String>> records = new ArrayList<>();
        for (JsonValue labels : printed.asArray()) {
            if (labels.isObject()) { // the array's closing null, or a record without labels (helm writes none such)
                records.add(strings(labels));
            }
        }
        return records;
    }

    /** @return kubectl's one line per object ("namespace/pr-1-shop configured") */
    public List<String> apply(String file, boolean clientDryRun) throws InterruptedException {
        String output = succeed("kubectl apply", commands.apply(file, clientDryRun)).output();
        return output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** @throws ToolFailedException with the API server's reason when it would refuse to create the Secret */
    public void serverDryRunCreateSecret(String name, String namespace) throws InterruptedException {
        succeed("kubectl create secret --dry-run=server", commands.serverDryRunCreateSecret(name, namespace));
    }

    /** @return {@link WriteOutcome#DONE}, or {@link WriteOutcome#EXISTS} when the name is taken */
    public WriteOutcome create(String file) throws InterruptedException {
        return conditionally("kubectl create", commands.create(file), WriteOutcome.EXISTS);
    }

    /**
     * @param file the object as read, changed, with the resourceVersion it was read at
     * @return {@link WriteOutcome#DONE}, {@link WriteOutcome#CHANGED} when it changed since it was
     *     read, or {@link WriteOutcome#GONE}
     */
    public WriteOutcome replace(String file) throws InterruptedException {
        return conditionally("kubectl replace", commands.replace(file), WriteOutcome.CHANGED, WriteOutcome.GONE);
    }

    /**
     * Deletes the namespace only while it is still the one that was read: same uid (not a namespace
     * of the same name made since) and same resourceVersion (labels and annotations untouched).
     *
     * @param staging where the DeleteOptions file goes
     * @return {@link WriteOutcome#DONE}, {@link WriteOutcome#CHANGED} (nothing deleted), or
     *     {@link WriteOutcome#GONE}
     */
    public WriteOutcome deleteNamespace(NamespaceInfo checked, StagingArea staging) throws InterruptedException {
        JsonObject preconditions = new JsonObject().add("uid", checked.uid()).add("resourceVersion", checked.resourceVersion());
        String options = new JsonObject().add("kind", "DeleteOptions").add("apiVersion", "v1")
                .add("preconditions", preconditions).toString();
        String file;
        try {
            file = staging.write(StagingArea.uniqueName("delete-" + checked.name(), ".json"), options);
        } catch (IOException e) {
            throw new EngineException("could not write the DeleteOptions of namespace " + checked.name() + ": " + e.getMessage(), e);
        }
        return conditionally("kubectl delete namespace", commands.deleteNamespace(checked.name(), file), WriteOutcome.CHANGED,
                WriteOutcome.GONE);
    }

    /** Waits until the namespace is gone, within this client's command timeout. */
    public void awaitNamespaceGone(String name) throws InterruptedException {
        succeed("kubectl wait --for=delete", commands.awaitNamespaceGone(name, TIMEOUT.minusSeconds(10)));
    }

    /** One object as the server holds it, or empty when there is none; {@code resource} as in {@link KubectlCommands#getObject}. */
    public Optional<JsonObject> object(String resource, String name, String namespace) throws InterruptedException {
        String output = succeed("kubectl get " + resource, commands.getObject(resource, name, namespace)).output();
        if (output.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(JsonOutput.parse(output, "kubectl get " + resource).asObject());
    }

    /** Every object of a resource in the namespace. */
    public List<JsonObject> objects(String resource, String namespace) throws InterruptedException {
        return items(succeed("kubectl get " + resource, commands.listObjects(resource, namespace)).output(), "kubectl get " + resource);
    }

    /**
     * As {@link #create(String)}, returning the object as created; with {@code serverDryRun} the API server checks
     * the create and stores nothing.
     */
    public Written create(String file, boolean serverDryRun) throws InterruptedException {
        return written("kubectl create", commands.create(file, serverDryRun), WriteOutcome.EXISTS);
    }

    /**
     * As {@link #replace(String)}, returning the object as replaced (its new resourceVersion); with
     * {@code serverDryRun} the API server checks the replace and stores nothing.
     */
    public Written replace(String file, boolean serverDryRun) throws InterruptedException {
        return written("kubectl replace", commands.replace(file, serverDryRun), WriteOutcome.CHANGED, WriteOutcome.GONE);
    }

    /**
     * Applies a JSON patch whose {@code test} operations hold what it was decided on: the API server applies all
     * of it or nothing, and answers a failed test with 422, which comes back as {@link WriteOutcome#CHANGED}.
     *
     * @param resource the resource with its group ({@code deployments.apps})
     * @param patchFile the patch's operations, a JSON array (user data: a file, never an argument)
     */
    public Written jsonPatch(String resource, String name, String namespace, String patchFile, boolean serverDryRun)
            throws InterruptedException {
        CommandLine command = commands.jsonPatch(resource, name, namespace, patchFile, serverDryRun);
        CommandResult result = ToolCalls.run(runner, command, TIMEOUT);
        if (!result.succeeded() && WriteOutcome.isFailedPatchTest(result.output())) {
            return Written.refused(WriteOutcome.CHANGED);
        }
        return written("kubectl patch " + resource, result, WriteOutcome.GONE);
    }

    /**
     * Deletes the object at the API path only while it is still the one that was read (same uid and
     * resourceVersion), as {@link #deleteNamespace} does for namespaces.
     *
     * @param what how messages name the object ({@code ingress prod/payments-canary})
     * @param serverDryRun whether the API server only checks the deletion ({@code dryRun: [All]})
     * @return {@link WriteOutcome#DONE}, {@link WriteOutcome#CHANGED} (nothing deleted), or {@link WriteOutcome#GONE}
     */
    public WriteOutcome deleteObject(String apiPath, String what, String uid, String resourceVersion, boolean serverDryRun,
            StagingArea staging) throws InterruptedException {
        JsonObject preconditions = new JsonObject().add("uid", uid).add("resourceVersion", resourceVersion);
        JsonObject deleteOptions = new JsonObject().add("kind", "DeleteOptions").add("apiVersion", "v1")
                .add("preconditions", preconditions);
        if (serverDryRun) {
            deleteOptions.add("dryRun", new com.eclipsesource.json.JsonArray().add("All"));
        }
        String options = deleteOptions.toString();
        String file;
        try {
            file = staging.write(StagingArea.uniqueName("delete-object", ".json"), options);
        } catch (IOException e) {
            throw new EngineException("could not write the DeleteOptions of " + what + ": " + e.getMessage(), e);
        }
        return conditionally("kubectl delete " + what, commands.deleteObject(apiPath, file), WriteOutcome.CHANGED,
                WriteOutcome.GONE);
    }

    /** Runs a write whose refusal is an answer, not an error: the outcomes {@code expected} are returned, others thrown. */
    private WriteOutcome conditionally(String verb, CommandLine command, WriteOutcome... expected) throws InterruptedException {
        CommandResult result = ToolCalls.run(runner, command, TIMEOUT);
        return result.succeeded() ? WriteOutcome.DONE : refusal(verb, result, expected);
    }

    /** As {@link #conditionally}, for a write that prints the object it wrote as JSON. */
    private Written written(String verb, CommandLine command, WriteOutcome... expected) throws InterruptedException {
        return written(verb, ToolCalls.run(runner, command, TIMEOUT), expected);
    }

    private static Written written(String verb, CommandResult result, WriteOutcome... expected) {
        if (result.succeeded()) {
            return new Written(WriteOutcome.DONE, Optional.of(JsonOutput.parse(result.output(), verb).asObject()));
        }
        return Written.refused(refusal(verb, result, expected));
    }

    private static WriteOutcome refusal(String verb, CommandResult result, WriteOutcome... expected) {
        WriteOutcome outcome = WriteOutcome.ofFailure(result.output());
        if (outcome != null && List.of(expected).contains(outcome)) {
            return outcome;
        }
        throw new ToolFailedException(verb, result);
    }

    private static List<JsonObject> items(String output, String what) {
        JsonObject document = JsonOutput.parse(output, what).asObject();
        List<JsonObject> items = new ArrayList<>();
        if ("List".equals(document.getString("kind", "")) || document.get("items") != null) {
            for (JsonValue item : document.get("items").asArray()) {
                items.add(item.asObject());
            }
        } else {
            items.add(document);
        }
        return items;
    }

    public static NamespaceInfo toNamespace(JsonObject object) {
        JsonObject metadata = object.get("metadata").asObject();
        JsonValue status = object.get("status");
        return new NamespaceInfo(metadata.getString("name", ""), metadata.getString("uid", null),
                metadata.getString("resourceVersion", null), strings(metadata.get("labels")), strings(metadata.get("annotations")),
                status == null || !status.isObject() ? null : status.asObject().getString("phase", null));
    }

    private static Map<String, String> strings(JsonValue value) {
        Map<String, String> map = new LinkedHashMap<>();
        if (value != null && value.isObject()) {
            for (JsonObject.Member m : value.asObject()) {
                map.put(m.getName(), m.getValue().isString() ? m.getValue().asString() : m.getValue().toString());
            }
        }
        return map;
    }

    private CommandResult succeed(String verb, CommandLine command) throws InterruptedException {
        return ToolCalls.succeed(runner, verb, command, TIMEOUT);
    }
}
