package io.jenkins.plugins.kubedelivery.engine.preview;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.cli.WriteOutcome;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import io.jenkins.plugins.kubedelivery.engine.model.NamespaceInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * deletePreviewNamespace: removes a pull request's namespace, only if it carries the plugin's
 * ownership label and belongs to that pull request. The delete carries the uid and resourceVersion
 * of the namespace that was checked, so one changed in between is left alone. What is already gone
 * counts as done.
 */
public final class PreviewDeletion {
    private final EnginePorts ports;
    private final EngineLog log;

    public PreviewDeletion(EnginePorts ports) {
        this.ports = ports;
        this.log = ports.log();
    }

    /**
     * @param pr the pull request, or {@code null} when {@code namespace} is given alone
     * @param namespace the namespace, or {@code null} to derive it from {@code namePattern}
     */
    public Map<String, Object> delete(String pr, String repository, String namespace, String namePattern, boolean waitForDeletion,
            ClusterTarget cluster) throws InterruptedException {
        String checkedPr = pr == null || pr.isBlank() ? null : PreviewInputs.pullRequest("pr", pr);
        String checkedRepository = repository == null || repository.isBlank() ? null : PreviewInputs.repository("repository", repository);
        String name = resolveName(checkedPr, checkedRepository, namespace, namePattern);
        KubectlClient kubectl = new KubectlClient(ports.runner(), ports.kubectl(), cluster);
        Optional<NamespaceInfo> existing = kubectl.namespace(name);
        if (existing.isEmpty()) {
            log.line("Preview namespace " + name + " is already gone");
            return result(name, false);
        }
        NamespaceInfo info = existing.get();
        requireOwned(info, checkedPr, checkedRepository);
        if (info.terminating()) {
            log.line("Preview namespace " + name + " is already being deleted");
            awaitIf(waitForDeletion, name, kubectl);
            return result(name, false);
        }
        WriteOutcome outcome = kubectl.deleteNamespace(info, ports.staging());
        if (outcome == WriteOutcome.CHANGED) {
            throw new EngineException("namespace '" + name + "' changed since its ownership was checked (its labels,"
                    + " annotations or identity are not those read a moment before): left alone; run the step again to"
                    + " check it afresh");
        }
        if (outcome == WriteOutcome.GONE) {
            log.line("Preview namespace " + name + " was gone by the time of deletion");
            return result(name, false);
        }
        awaitIf(waitForDeletion, name, kubectl);
        log.line("Deleted preview namespace " + name + (waitForDeletion ? "" : " (its objects are removed in the background)"));
        return result(name, true);
    }

    private static void awaitIf(boolean waitForDeletion, String name, KubectlClient kubectl) throws InterruptedException {
        if (waitForDeletion) {
            kubectl.awaitNamespaceGone(name);
        }
    }

    /** The step's result: {@code alreadyGone} when this call deleted nothing (gone, or already being deleted). */
    private static Map<String, Object> result(String name, boolean deleted) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("namespace", name);
        result.put("deleted", deleted);
        result.put("alreadyGone", !deleted);
        return result;
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

    static void requireOwned(NamespaceInfo info, String pr, String repository) {
        if (!Ownership.isOwnedPreview(info.labels())) {
            throw new EngineException("namespace '" + info.name() + "' is not a kube-delivery preview (it lacks "
                    + Ownership.MANAGED_BY + "=" + Ownership.MANAGER + " and " + Ownership.PREVIEW + "=true): refusing to delete it");
        }
        if (pr != null && !pr.isBlank() && !PreviewNaming.toLabelValue(pr).equals(info.label(Ownership.PR))) {
            throw new EngineException("namespace '" + info.name() + "' belongs to PR " + info.label(Ownership.PR) + ", not PR " + pr
                    + ": refusing to delete it");
        }
        if (repository != null && !repository.isBlank() && !PreviewNaming.toLabelValue(repository).equals(info.label(Ownership.REPOSITORY))) {
            throw new EngineException("namespace '" + info.name() + "' belongs to repository " + info.label(Ownership.REPOSITORY)
                    + ", not " + repository + ": refusing to delete it");
        }
    }
}
