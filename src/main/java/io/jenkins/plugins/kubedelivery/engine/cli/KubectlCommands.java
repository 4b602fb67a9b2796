package io.jenkins.plugins.kubedelivery.engine.cli;

import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds kubectl argument lists, with the cluster flags on each. Builds, never runs. */
public final class KubectlCommands {
    private final String kubectl;
    private final ClusterTarget cluster;

    public KubectlCommands(String kubectl, ClusterTarget cluster) {
        this.kubectl = kubectl;
        this.cluster = cluster;
    }

    public CommandLine getNamespace(String name) {
        return command("get", "namespace", name, "--ignore-not-found", "--output", "json");
    }

    public CommandLine listNamespaces(String labelSelector) {
        return command("get", "namespaces", "--selector", labelSelector, "--output", "json");
    }

    public CommandLine getSecrets(List<String> names, String namespace) {
        List<String> args = new ArrayList<>(List.of("get", "secrets"));
        args.addAll(names);
        args.addAll(List.of("--namespace", namespace, "--output", "json"));
        return command(args);
    }

    /**
     * The labels of helm's release records (its default storage: one Secret per revision, labelled
     * {@code owner=helm}, {@code name}, {@code version}, {@code status} and the release's own labels) of
     * these releases, as one JSON array: the records' content (the release, with its values) is not printed.
     * A jsonpath prints each item's labels as a JSON object; the literal brackets, commas and final
     * {@code null} make the whole a JSON array, since jsonpath has no separator that is not printed last.
     */
    public CommandLine helmReleaseRecordLabels(String namespace, List<String> releases) {
        return command("get", "secrets", "--namespace", namespace, "--selector",
                "owner=helm,name in (" + String.join(",", releases) + ")",
                "--output", "jsonpath=[{range .items[*]}{.metadata.labels},{end}null]");
    }

    /** Applies a manifest file; {@code clientDryRun} validates it without a cluster. */
    public CommandLine apply(String file, boolean clientDryRun) {
        List<String> args = new ArrayList<>(List.of("apply", "--filename", file, "--output", "name"));
        if (clientDryRun) {
            args.add("--dry-run=client");
        }
        return command(args);
    }

    /** Asks the API server whether it would create this (empty) Secret: admitted with dryRun=All, stored nowhere. */
    public CommandLine serverDryRunCreateSecret(String name, String namespace) {
        return command("create", "secret", "generic", name, "--namespace", namespace, "--dry-run=server", "--output", "name");
    }

    /** Creates what the file holds, and fails for a name that is taken: the create is the ownership check. */
    public CommandLine create(String file) {
        return command("create", "--filename", file, "--output", "name");
    }

    /**
     * Replaces the object the file holds; the file carries the resourceVersion that was read, so the
     * server refuses the write if the object changed since.
     */
    public CommandLine replace(String file) {
        return command("replace", "--filename", file, "--output", "name");
    }

    /**
     * Deletes one namespace with the DeleteOptions in the file (its preconditions on uid and
     * resourceVersion). {@code kubectl delete NAME} cannot send a body; {@code --raw} sends the file.
     */
    public CommandLine deleteNamespace(String name, String deleteOptionsFile) {
        return command("delete", "--raw", "/api/v1/namespaces/" + name, "--filename", deleteOptionsFile);
    }

    /** Waits until the namespace is gone, at most {@code timeout}. */
    public CommandLine awaitNamespaceGone(String name, Duration timeout) {
        return command("wait", "--for=delete", "namespace/" + name, "--timeout=" + timeout.toSeconds() + "s");
    }

    /**
     * {@link #create(String)} printing the object as the API server stored it (its resourceVersion, for the next
     * conditional write), or its server-side dry run: admitted and checked like the real write, stored nowhere.
     */
    public CommandLine create(String file, boolean serverDryRun) {
        return written("create", List.of("--filename", file), serverDryRun);
    }

    /**
     * {@link #replace(String)} printing the object as stored, or its server-side dry run (the resourceVersion is
     * checked there too).
     */
    public CommandLine replace(String file, boolean serverDryRun) {
        return written("replace", List.of("--filename", file), serverDryRun);
    }

    /**
     * A JSON patch (RFC 6902) from a file, printing the object as stored: its {@code test} operations make it
     * conditional, the API server refusing the whole patch (422) when one fails.
     *
     * @param resource the resource with its group ({@code deployments.apps})
     */
    public CommandLine jsonPatch(String resource, String name, String namespace, String patchFile, boolean serverDryRun) {
        return written("patch", List.of(resource, name, "--namespace", namespace, "--type", "json", "--patch-file", patchFile),
                serverDryRun);
    }

    private CommandLine written(String verb, List<String> target, boolean serverDryRun) {
        List<String> args = new ArrayList<>(List.of(verb));
        args.addAll(target);
        args.addAll(List.of("--output", "json"));
        if (serverDryRun) {
            args.add("--dry-run=server");
        }
        return command(args);
    }

    /**
     * One object of any kind, or nothing when it does not exist.
     *
     * @param resource the resource with its group, so that no other group's kind of the same name is
     *     meant ({@code ingresses.networking.k8s.io})
     */
    public CommandLine getObject(String resource, String name, String namespace) {
        return command("get", resource, name, "--namespace", namespace, "--ignore-not-found", "--output", "json");
    }

    /** Every object of a resource in one namespace. */
    public CommandLine listObjects(String resource, String namespace) {
        return command("get", resource, "--namespace", namespace, "--output", "json");
    }

    /**
     * Deletes the object at an API path with the DeleteOptions in the file (its preconditions), as
     * {@link #deleteNamespace} does for namespaces.
     *
     * @param apiPath {@code /apis/networking.k8s.io/v1/namespaces/prod/ingresses/payments-canary}
     */
    public CommandLine deleteObject(String apiPath, String deleteOptionsFile) {
        return command("delete", "--raw", apiPath, "--filename", deleteOptionsFile);
    }

    private CommandLine command(String... args) {
        return command(List.of(args));
    }

    private CommandLine command(List<String> args) {
        List<String> all = new ArrayList<>();
        all.add(kubectl);
        all.addAll(args);
        all.addAll(cluster.toolArguments("--context"));
        return CommandLine.of(all);
    }
}
