package io.jenkins.plugins.kubedelivery.engine.preview;

import io.jenkins.plugins.kubedelivery.engine.BoundedParallel;
import io.jenkins.plugins.kubedelivery.engine.BoundedParallel.Outcome;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.NamespaceInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * reapPreviewNamespaces, for a nightly job: one list call for the owned previews, then one delete
 * per namespace that expired or whose pull request is closed. A failing deletion is reported and
 * never stops the others.
 */
public final class PreviewReaper {
    private final EnginePorts ports;
    private final EngineLog log;

    public PreviewReaper(EnginePorts ports) {
        this.ports = ports;
        this.log = ports.log();
    }

    /**
     * @param openPullRequests the repository's open PRs, or {@code null} to reap by expiry alone
     * @param repository limits reaping to one repository's previews; required with {@code openPullRequests}
     */
    public ReapResult reap(List<String> openPullRequests, String repository, boolean dryRun, int parallelism, ClusterTarget cluster)
            throws InterruptedException {
        long started = ports.clock().millis();
        if (openPullRequests != null && (repository == null || repository.isBlank())) {
            throw new ValidationException("repository", "is required with openPullRequests: PR numbers are per repository");
        }
        Set<String> open = openPullRequests == null ? null : openPullRequestLabels(openPullRequests);
        String selector = Ownership.previewSelector() + (repository == null || repository.isBlank() ? ""
                : "," + Ownership.REPOSITORY + "=" + PreviewNaming.toLabelValue(PreviewInputs.repository("repository", repository)));
        KubectlClient kubectl = new KubectlClient(ports.runner(), ports.kubectl(), cluster);
        Instant now = ports.clock().instant();
        List<NamespaceInfo> doomed = new ArrayList<>();
        Map<String, String> kept = new LinkedHashMap<>();
        for (NamespaceInfo ns : kubectl.namespaces(selector)) {
            if (!Ownership.isOwnedPreview(ns.labels())) {
                kept.put(ns.name(), "not owned by kube-delivery");
                continue;
            }
            String reason = reasonToDelete(ns, open, now);
            if (reason == null) {
                kept.put(ns.name(), "Terminating".equals(ns.phase()) ? "already being deleted" : "open and not expired");
            } else {
                log.line((dryRun ? "Would delete " : "Deleting ") + ns.name() + ": " + reason);
                doomed.add(ns);
            }
        }
        if (dryRun) {
            return new ReapResult(doomed.stream().map(NamespaceInfo::name).toList(), kept, Map.of(), true, ports.clock().millis() - started);
        }
        List<String> deleted = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (Outcome<NamespaceInfo, Boolean> o : BoundedParallel.run(doomed, parallelism, ns -> kubectl.deleteOwnedNamespace(ns.name(),
                Ownership.selectorFor(ns.labels()), false))) {
            if (o.succeeded()) {
                deleted.add(o.item().name());
            } else {
                failed.put(o.item().name(), o.failure().getMessage());
                log.line("Could not delete " + o.item().name() + ": " + o.failure().getMessage());
            }
        }
        log.line("Reaped " + deleted.size() + " preview namespaces, kept " + kept.size() + ", failed " + failed.size());
        return new ReapResult(deleted, kept, failed, false, ports.clock().millis() - started);
    }

    /** Each open pull request as its previews' label holds it; one that is no pull request id is refused. */
    private static Set<String> openPullRequestLabels(List<String> openPullRequests) {
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < openPullRequests.size(); i++) {
            labels.add(PreviewNaming.toLabelValue(PreviewInputs.pullRequest("openPullRequests[" + i + "]", openPullRequests.get(i))));
        }
        return labels;
    }

    /** @return why the namespace goes, or {@code null} to keep it */
    private static String reasonToDelete(NamespaceInfo ns, Set<String> open, Instant now) {
        if ("Terminating".equals(ns.phase())) {
            return null;
        }
        String expiresAt = ns.annotation(Ownership.EXPIRES_AT);
        if (expiresAt != null) {
            try {
                if (Instant.parse(expiresAt).isBefore(now)) {
                    return "expired at " + expiresAt;
                }
            } catch (DateTimeParseException unreadable) {
                return "its expiry '" + expiresAt + "' is unreadable";
            }
        }
        if (open != null && !open.contains(ns.label(Ownership.PR))) {
            return "PR " + ns.label(Ownership.PR) + " is no longer open";
        }
        return null;
    }
}
