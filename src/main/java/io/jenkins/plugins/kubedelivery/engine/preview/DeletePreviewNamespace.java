package io.jenkins.plugins.kubedelivery.engine.preview;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.UseCase;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.cli.WriteOutcome;
import io.jenkins.plugins.kubedelivery.engine.deploy.Durations;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import io.jenkins.plugins.kubedelivery.engine.model.NamespaceInfo;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * deletePreviewNamespace: removes a pull request's namespace, only if it carries the plugin's
 * ownership label and belongs to that pull request ({@link DeletionDecision}). The delete carries
 * the uid and resourceVersion of the namespace that was checked, so one changed in between is left
 * alone. What is already gone counts as done.
 */
public final class DeletePreviewNamespace implements UseCase<DeletePreviewRequest, DeletePreviewResult> {
    private final EnginePorts ports;
    private final EngineLog log;
    private final ClusterTarget cluster;

    public DeletePreviewNamespace(EnginePorts ports, ClusterTarget cluster) {
        this.ports = ports;
        this.log = ports.log();
        this.cluster = cluster;
    }

    @Override
    public DeletePreviewResult run(DeletePreviewRequest request) throws InterruptedException {
        long started = ports.clock().millis();
        String pr = request.pr();
        String repository = request.repository();
        boolean waitForDeletion = request.waitForDeletion();
        String checkedPr = pr == null || pr.isBlank() ? null : PreviewInputs.pullRequest("pr", pr);
        String checkedRepository = repository == null || repository.isBlank() ? null : PreviewInputs.repository("repository", repository);
        String name = resolveName(checkedPr, checkedRepository, request.namespace(), request.namePattern());
        KubectlClient kubectl = new KubectlClient(ports.runner(), ports.kubectl(), cluster);
        Optional<NamespaceInfo> existing = kubectl.namespace(name);
        DeletionDecision decision = DeletionDecision.decide(existing, checkedPr, checkedRepository);
        if (decision == DeletionDecision.DELETE) {
            return delete(existing.get(), waitForDeletion, kubectl, started);
        }
        if (decision == DeletionDecision.ALREADY_GONE) {
            log.line("Preview namespace " + name + " is already gone; nothing deleted" + took(started));
        } else {
            awaitIf(waitForDeletion, name, kubectl);
            log.line("Preview namespace " + name + " is already being deleted" + (waitForDeletion ? " and now gone" : "") + took(started));
        }
        return new DeletePreviewResult(name, false);
    }

    private DeletePreviewResult delete(NamespaceInfo info, boolean waitForDeletion, KubectlClient kubectl, long started)
            throws InterruptedException {
        String name = info.name();
        WriteOutcome outcome = kubectl.deleteNamespace(info, ports.staging());
        if (outcome == WriteOutcome.CHANGED) {
            throw new EngineException("namespace '" + name + "' changed since its ownership was checked (its labels,"
                    + " annotations or identity are not those read a moment before): left alone; run the step again to"
                    + " check it afresh");
        }
        if (outcome == WriteOutcome.GONE) {
            log.line("Preview namespace " + name + " was gone by the time of deletion" + took(started));
            return new DeletePreviewResult(name, false);
        }
        awaitIf(waitForDeletion, name, kubectl);
        log.line("Deleted preview namespace " + name + (waitForDeletion ? "" : " (its objects are removed in the background)") + took(started));
        return new DeletePreviewResult(name, true);
    }

    /** The end line's timing: the engine writes every use case's end line, with one duration format. */
    private String took(long started) {
        return " in " + Durations.human(Duration.ofMillis(ports.clock().millis() - started));
    }

    private static void awaitIf(boolean waitForDeletion, String name, KubectlClient kubectl) throws InterruptedException {
        if (waitForDeletion) {
            kubectl.awaitNamespaceGone(name);
        }
    }

    private String resolveName(String pr, String repository, String namespace, String namePattern) {
        if (namespace != null && !namespace.isBlank()) {
            return NameRules.requireDnsLabel("namespace", namespace);
        }
        if (pr == null || pr.isBlank()) {
            throw new ValidationException("pr", "is required unless namespace is given: outside a pull request build give pr: '123'");
        }
        NameRules.requirePresent("repository", repository);
        String pattern = PreviewInputs.pattern("namePattern", namePattern == null || namePattern.isBlank()
                ? PreviewRequest.DEFAULT_NAME_PATTERN : namePattern, PreviewRequest.DEFAULT_NAME_PATTERN);
        PreviewNaming.Name name = PreviewNaming.name("namePattern", pattern, Map.of("pr", pr, "repository", repository, "branch", ""));
        name.rewrite().ifPresent(log::line);
        return name.label();
    }
}
