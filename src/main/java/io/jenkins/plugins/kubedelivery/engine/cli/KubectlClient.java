package io.jenkins.plugins.kubedelivery.engine.cli;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.NamespaceInfo;
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
        String output = succeed("kubectl get namespace", commands.getNamespace(name)).output();
        if (output.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(toNamespace(JsonOutput.parse(output, "kubectl get namespace").asObject()));
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

    /** @return kubectl's one line per object ("namespace/pr-1-shop configured") */
    public List<String> apply(String file, boolean clientDryRun) throws InterruptedException {
        String output = succeed("kubectl apply", commands.apply(file, clientDryRun)).output();
        return output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** @throws ToolFailedException with the API server's reason when it would refuse to create the Secret */
    public void serverDryRunCreateSecret(String name, String namespace) throws InterruptedException {
        succeed("kubectl create secret --dry-run=server", commands.serverDryRunCreateSecret(name, namespace));
    }

    /** @return true when a namespace was deleted, false when none matched (already gone or not owned) */
    public boolean deleteOwnedNamespace(String name, String ownershipSelector, boolean waitForDeletion) throws InterruptedException {
        String output = succeed("kubectl delete namespace", commands.deleteOwnedNamespace(name, ownershipSelector, waitForDeletion)).output();
        return output.contains("\"" + name + "\" deleted") || output.contains("/" + name + " deleted");
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

    static NamespaceInfo toNamespace(JsonObject object) {
        JsonObject metadata = object.get("metadata").asObject();
        JsonValue status = object.get("status");
        return new NamespaceInfo(metadata.getString("name", ""), strings(metadata.get("labels")), strings(metadata.get("annotations")),
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
