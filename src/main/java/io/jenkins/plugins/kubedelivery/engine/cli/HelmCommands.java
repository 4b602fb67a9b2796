package io.jenkins.plugins.kubedelivery.engine.cli;

import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds helm argument lists: one method per verb, always {@code -o json} where helm offers it,
 * and the cluster flags on every command that talks to the cluster. Builds, never runs.
 */
public final class HelmCommands {
    private final String helm;
    private final ClusterTarget cluster;

    public HelmCommands(String helm, ClusterTarget cluster) {
        this.helm = helm;
        this.cluster = cluster;
    }

    public CommandLine version() {
        return CommandLine.of(List.of(helm, "version", "--short"));
    }

    public CommandLine history(String release, String namespace, int max) {
        return clusterCommand("history", release, "--namespace", namespace, "--max", String.valueOf(max), "--output", "json");
    }

    public CommandLine upgradeInstall(UpgradeOptions o, HelmVersion version) {
        List<String> args = upgradeArguments(o, version);
        args.addAll(List.of("--output", "json"));
        return clusterCommand(args);
    }

    /**
     * The same upgrade, simulated: helm renders with the cluster ({@code lookup}, {@code .Capabilities}),
     * maps every kind through discovery and checks the release's state and object ownership, then
     * stops before writing anything. Both majors spell it {@code --dry-run=server}; a bare
     * {@code --dry-run} would mean the client-only mode in helm 3.
     */
    public CommandLine serverDryRun(UpgradeOptions o, HelmVersion version) {
        List<String> args = upgradeArguments(o, version);
        args.addAll(List.of("--dry-run=server", "--output", "json"));
        return clusterCommand(args);
    }

    /**
     * The chart rendered on the client only, as the upgrade would render it for this release: no
     * cluster read, so no ownership check can stop it (the caller compares the objects itself).
     */
    public CommandLine template(UpgradeOptions o) {
        List<String> args = new ArrayList<>(List.of(helm, "template"));
        args.addAll(releaseAndChart(o));
        return CommandLine.of(args);
    }

    /** The release, chart, namespace, chart version and values files: what decides the rendered objects. */
    private static List<String> releaseAndChart(UpgradeOptions o) {
        List<String> args = new ArrayList<>(List.of(o.release(), o.chart(), "--namespace", o.namespace()));
        if (o.chartVersion() != null) {
            args.addAll(List.of("--version", o.chartVersion()));
        }
        for (String file : o.valuesFiles()) {
            args.addAll(List.of("--values", file));
        }
        return args;
    }

    private static List<String> upgradeArguments(UpgradeOptions o, HelmVersion version) {
        List<String> args = new ArrayList<>(List.of("upgrade", "--install"));
        args.addAll(releaseAndChart(o));
        args.addAll(List.of("--timeout", seconds(o.timeout()), "--history-max", String.valueOf(o.historyMax())));
        if (o.waitForReady()) {
            args.add("--wait");
        }
        if (o.atomic()) {
            args.add(version.rollbackOnFailureFlag());
        }
        if (o.createNamespace()) {
            args.add("--create-namespace");
        }
        if (o.description() != null) {
            args.addAll(List.of("--description", o.description()));
        }
        if (!o.labels().isEmpty()) {
            // helm 3.13+ and 4 store these on the release (its storage Secret's labels), where they can be read back
            args.addAll(List.of("--labels", o.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining(","))));
        }
        return args;
    }

    public CommandLine rollback(String release, String namespace, int revision, Duration timeout, boolean waitForReady) {
        List<String> args = new ArrayList<>(List.of("rollback", release, String.valueOf(revision), "--namespace", namespace,
                "--timeout", seconds(timeout)));
        if (waitForReady) {
            args.add("--wait");
        }
        return clusterCommand(args);
    }

    public CommandLine uninstall(String release, String namespace, Duration timeout) {
        return clusterCommand("uninstall", release, "--namespace", namespace, "--wait", "--timeout", seconds(timeout));
    }

    /** The manifest of one revision (hooks excluded), as helm stored it. */
    public CommandLine getManifest(String release, String namespace, int revision) {
        return clusterCommand("get", "manifest", release, "--namespace", namespace, "--revision", String.valueOf(revision));
    }

    /** The manifest of the release's latest revision, whatever its status, as helm stored it (hooks excluded). */
    public CommandLine getLatestManifest(String release, String namespace) {
        return clusterCommand("get", "manifest", release, "--namespace", namespace);
    }

    /** The values the user supplied to one revision, as JSON. */
    public CommandLine getValues(String release, String namespace, int revision) {
        return clusterCommand("get", "values", release, "--namespace", namespace, "--revision", String.valueOf(revision),
                "--output", "json");
    }

    private CommandLine clusterCommand(String... args) {
        return clusterCommand(List.of(args));
    }

    private CommandLine clusterCommand(List<String> args) {
        List<String> all = new ArrayList<>();
        all.add(helm);
        all.addAll(args);
        all.addAll(cluster.toolArguments("--kube-context"));
        return CommandLine.of(all);
    }

    /** Go duration syntax helm accepts. */
    static String seconds(Duration timeout) {
        return Math.max(1, timeout.toSeconds()) + "s";
    }

    /**
     * What an upgrade (or its server-side dry run) is given.
     *
     * @param labels release labels ({@code helm --labels}); names and values the plugin chose, never user data
     */
    public record UpgradeOptions(String release, String chart, String chartVersion, String namespace, List<String> valuesFiles,
            Duration timeout, boolean waitForReady, boolean atomic, int historyMax, boolean createNamespace, String description,
            java.util.Map<String, String> labels) {
        public UpgradeOptions {
            labels = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
        }

        public UpgradeOptions(String release, String chart, String chartVersion, String namespace, List<String> valuesFiles,
                Duration timeout, boolean waitForReady, boolean atomic, int historyMax, boolean createNamespace,
                String description) {
            this(release, chart, chartVersion, namespace, valuesFiles, timeout, waitForReady, atomic, historyMax,
                    createNamespace, description, java.util.Map.of());
        }
    }
}
