package io.jenkins.plugins.kubedelivery.engine.cli;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmCommands.UpgradeOptions;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs helm verbs and reads their JSON answers: the one chokepoint where a failed helm call
 * becomes a {@link ToolFailedException} carrying helm's reason.
 */
public final class HelmClient {
    /** Reads are quick; a cluster that does not answer in this time is reported, not waited on. */
    public static final Duration READ_TIMEOUT = Duration.ofMinutes(2);
    /** Time helm gets beyond its own --timeout to finish, roll back and print. */
    public static final Duration GRACE = Duration.ofMinutes(1);
    /** What helm 3 and 4 say when the release named does not exist (their storage's ErrReleaseNotFound). */
    private static final String RELEASE_NOT_FOUND = "release: not found";

    private final CommandRunner runner;
    private final HelmCommands commands;

    public HelmClient(CommandRunner runner, String helm, ClusterTarget cluster) {
        this.runner = runner;
        this.commands = new HelmCommands(helm, cluster);
    }

    /** Asks helm which version it is; callers keep the answer (see {@link HelmVersions}). */
    public HelmVersion version() throws InterruptedException {
        return HelmVersion.parse(succeed("helm version", commands.version(), READ_TIMEOUT).output());
    }

    /** The release's history, oldest first; empty when the release does not exist. */
    public List<ReleaseRevision> history(String release, String namespace, int max) throws InterruptedException {
        CommandResult result = ToolCalls.run(runner, commands.history(release, namespace, max), READ_TIMEOUT);
        if (!result.succeeded() && result.output().contains(RELEASE_NOT_FOUND)) {
            return List.of();
        }
        ToolCalls.requireSuccess("helm history", result);
        List<ReleaseRevision> revisions = new ArrayList<>();
        for (JsonValue entry : JsonOutput.parse(result.output(), "helm history").asArray()) {
            revisions.add(toRevision(entry.asObject()));
        }
        revisions.sort(Comparator.comparingInt(ReleaseRevision::revision));
        return revisions;
    }

    public InstalledRelease upgradeInstall(UpgradeOptions options, HelmVersion version) throws InterruptedException {
        CommandResult result = succeed("helm upgrade", commands.upgradeInstall(options, version), options.timeout().plus(GRACE));
        JsonObject release = JsonOutput.parse(result.output(), "helm upgrade").asObject();
        ChartMetadata chart = ChartMetadata.of(release);
        return new InstalledRelease(release.getInt("version", 0), release.get("info").asObject().getString("status", "unknown"),
                chart.name(), chart.version(), chart.appVersion());
    }

    /**
     * helm's server-side dry run of the upgrade: the release it would record, written nowhere. It
     * fails where the upgrade would fail before changing anything, with the upgrade's own message
     * (so the verb is "helm upgrade"); it waits for nothing, so it gets the read timeout.
     */
    public RenderedRelease dryRunUpgrade(UpgradeOptions options, HelmVersion version) throws InterruptedException {
        CommandResult result = succeed("helm upgrade", commands.serverDryRun(options, version), READ_TIMEOUT);
        return RenderedRelease.of(JsonOutput.parse(result.output(), "helm upgrade --dry-run=server").asObject());
    }

    public void rollback(String release, String namespace, int revision, Duration timeout, boolean waitForReady)
            throws InterruptedException {
        succeed("helm rollback", commands.rollback(release, namespace, revision, timeout, waitForReady), timeout.plus(GRACE));
    }

    public void uninstall(String release, String namespace, Duration timeout) throws InterruptedException {
        succeed("helm uninstall", commands.uninstall(release, namespace, timeout), timeout.plus(GRACE));
    }

    /** The objects the chart renders for this release ({@code helm template}); may hold Secrets, so it is never shown. */
    public String template(UpgradeOptions options) throws InterruptedException {
        return succeed("helm template", commands.template(options), READ_TIMEOUT).output();
    }

    /** The manifest helm recorded for one revision, without its hooks. */
    public String manifest(String release, String namespace, int revision) throws InterruptedException {
        return succeed("helm get manifest", commands.getManifest(release, namespace, revision), READ_TIMEOUT).output();
    }

    /**
     * The manifest helm recorded for the release's latest revision (whatever its status), without its
     * hooks; empty when the release does not exist. One command where the history and then the manifest
     * would be two.
     */
    public Optional<String> latestManifest(String release, String namespace) throws InterruptedException {
        CommandResult result = ToolCalls.run(runner, commands.getLatestManifest(release, namespace), READ_TIMEOUT);
        if (!result.succeeded() && result.output().contains(RELEASE_NOT_FOUND)) {
            return Optional.empty();
        }
        ToolCalls.requireSuccess("helm get manifest", result);
        return Optional.of(result.output());
    }

    /** The values the user supplied to one revision, as helm prints them in JSON. */
    public String userValues(String release, String namespace, int revision) throws InterruptedException {
        return succeed("helm get values", commands.getValues(release, namespace, revision), READ_TIMEOUT).output();
    }

    private CommandResult succeed(String verb, CommandLine command, Duration timeout) throws InterruptedException {
        return ToolCalls.succeed(runner, verb, command, timeout);
    }

    private static ReleaseRevision toRevision(JsonObject o) {
        return new ReleaseRevision(o.getInt("revision", 0), ReleaseStatus.parse(o.getString("status", null)),
                o.getString("chart", null), o.getString("app_version", null), instant(o.getString("updated", null)),
                o.getString("description", ""));
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null; // the age is only shown, never decided on
        }
    }

    /** What helm reported for the revision an upgrade created. */
    public record InstalledRelease(int revision, String status, String chartName, String chartVersion, String appVersion) {}
}
