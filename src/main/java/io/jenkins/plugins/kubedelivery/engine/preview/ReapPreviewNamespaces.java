package io.jenkins.plugins.kubedelivery.engine.preview;

import io.jenkins.plugins.kubedelivery.engine.BoundedParallel;
import io.jenkins.plugins.kubedelivery.engine.BoundedParallel.Outcome;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.UseCase;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.cli.WriteOutcome;
import io.jenkins.plugins.kubedelivery.engine.deploy.Durations;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapDecision.Doomed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * reapPreviewNamespaces, for a nightly job: one list call for the owned previews, a decision
 * ({@link ReapDecision}), then one delete per namespace that expired or whose pull request is
 * closed, each with the uid and resourceVersion it was listed with, so a namespace renewed or
 * relabelled in between is left alone. A failing deletion is reported and never stops the others.
 */
public final class ReapPreviewNamespaces implements UseCase<ReapRequest, ReapResult> {
    private final EnginePorts ports;
    private final EngineLog log;
    private final ClusterTarget cluster;

    public ReapPreviewNamespaces(EnginePorts ports, ClusterTarget cluster) {
        this.ports = ports;
        this.log = ports.log();
        this.cluster = cluster;
    }

    @Override
    public ReapResult run(ReapRequest request) throws InterruptedException {
        long started = ports.clock().millis();
        List<String> openPullRequests = request.openPullRequests();
        String repository = request.repository();
        boolean dryRun = request.dryRun();
        if (openPullRequests != null && (repository == null || repository.isBlank())) {
            throw new ValidationException("repository", "is required with openPullRequests: PR numbers are per repository");
        }
        Set<String> open = openPullRequests == null ? null : openPullRequestLabels(openPullRequests);
        String selector = Ownership.previewSelector() + (repository == null || repository.isBlank() ? ""
                : "," + Ownership.REPOSITORY + "=" + repositoryLabel(repository));
        KubectlClient kubectl = new KubectlClient(ports.runner(), ports.kubectl(), cluster);
        ReapDecision decision = ReapDecision.decide(kubectl.namespaces(selector), open, ports.clock().instant());
        decision.doomed().forEach(d -> log.line((dryRun ? "Would delete " : "Deleting ") + d.namespace().name() + ": " + d.reason()));
        Map<String, String> kept = new LinkedHashMap<>(decision.kept());
        if (dryRun) {
            long duration = ports.clock().millis() - started;
            log.line("Dry run: would reap " + decision.doomed().size() + " preview namespaces, keep " + kept.size() + "; looked in "
                    + Durations.human(Duration.ofMillis(duration)));
            return new ReapResult(decision.doomed().stream().map(d -> d.namespace().name()).toList(), kept, Map.of(), true, duration);
        }
        List<String> deleted = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (Outcome<Doomed, WriteOutcome> o : BoundedParallel.run(decision.doomed(), request.parallelism(),
                d -> kubectl.deleteNamespace(d.namespace(), ports.staging()))) {
            String name = o.item().namespace().name();
            if (!o.succeeded()) {
                failed.put(name, o.failure().getMessage());
                log.line("Could not delete " + name + ": " + o.failure().getMessage());
            } else if (o.value() == WriteOutcome.DONE) {
                deleted.add(name);
            } else {
                String reason = o.value() == WriteOutcome.GONE ? "gone before its deletion"
                        : "changed since it was listed: left alone";
                kept.put(name, reason);
                log.line("Kept " + name + ": " + reason);
            }
        }
        long duration = ports.clock().millis() - started;
        log.line("Reaped " + deleted.size() + " preview namespaces, kept " + kept.size() + ", failed " + failed.size() + " in "
                + Durations.human(Duration.ofMillis(duration)));
        return new ReapResult(deleted, kept, failed, false, duration);
    }

    /** The repository as its previews' label holds it; the log says when that is not the name as given. */
    private String repositoryLabel(String repository) {
        String label = PreviewNaming.toLabelValue(PreviewInputs.repository("repository", repository));
        if (!label.equals(repository)) {
            log.line("repository '" + repository + "' is labelled '" + label + "' on its previews; reaping those");
        }
        return label;
    }

    /** Each open pull request as its previews' label holds it; one that is no pull request id is refused. */
    private static Set<String> openPullRequestLabels(List<String> openPullRequests) {
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < openPullRequests.size(); i++) {
            labels.add(PreviewNaming.toLabelValue(PreviewInputs.pullRequest("openPullRequests[" + i + "]", openPullRequests.get(i))));
        }
        return labels;
    }
}
