package io.jenkins.plugins.kubedelivery.engine.preview;

import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.cli.StagingArea;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.NamespaceInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * createPreviewNamespace: ensures the pull request's namespace with its quota, limits, network
 * policy and copied Secrets, in one {@code kubectl apply}. Idempotent: a later push renews labels
 * and expiry and changes nothing else. Never adopts a namespace it does not own.
 */
public final class PreviewNamespaces {
    private final EnginePorts ports;
    private final EngineLog log;

    public PreviewNamespaces(EnginePorts ports) {
        this.ports = ports;
        this.log = ports.log();
    }

    public PreviewResult create(PreviewRequest request, ClusterTarget cluster) throws InterruptedException {
        long started = ports.clock().millis();
        Instant now = ports.clock().instant();
        PreviewPlan plan = PreviewPlanner.plan(request, now, null);
        KubectlClient kubectl = new KubectlClient(ports.runner(), ports.kubectl(), cluster);
        Optional<NamespaceInfo> existing = kubectl.namespace(plan.namespace());
        if (existing.isPresent()) {
            requireOwnedBySamePullRequest(existing.get(), plan);
            plan = PreviewPlanner.plan(request, now, existing.get().annotation(Ownership.CREATED_AT));
        }
        if (plan.nameRewrite() != null) {
            log.line(plan.nameRewrite());
        }
        log.line((existing.isPresent() ? "Renewing" : "Creating") + " preview namespace " + plan.namespace() + " for PR "
                + plan.request().pr() + " of " + request.repository() + ", expires " + plan.expiresAt());
        List<JsonObject> secrets = request.copySecrets().isEmpty() ? List.of()
                : kubectl.secrets(request.copySecrets(), request.secretsNamespace());
        String manifest = stage(plan, PreviewManifests.yamlStream(PreviewManifests.objects(plan, secrets)));
        kubectl.apply(manifest, false).forEach(line -> log.line("  " + line));
        long duration = ports.clock().millis() - started;
        if (plan.url() != null) {
            log.line("Preview URL: " + plan.url());
        }
        return new PreviewResult(plan.namespace(), plan.url(), plan.expiresAt(), existing.isEmpty(), plan.labels(),
                request.copySecrets(), duration);
    }

    /** The manifest holds copied Secret data: it lives only in the 0600 staging area. */
    private String stage(PreviewPlan plan, String manifest) throws InterruptedException {
        try {
            return ports.staging().write(StagingArea.uniqueName("preview-" + plan.namespace(), ".yaml"), manifest);
        } catch (IOException e) {
            throw new EngineException("could not write the preview manifest: " + e.getMessage(), e);
        }
    }

    private static void requireOwnedBySamePullRequest(NamespaceInfo existing, PreviewPlan plan) {
        if (!Ownership.isOwnedPreview(existing.labels())) {
            throw new EngineException("namespace '" + existing.name() + "' already exists and is not a kube-delivery preview"
                    + " (it lacks " + Ownership.MANAGED_BY + "=" + Ownership.MANAGER + "): refusing to adopt it; choose another"
                    + " namePattern, or remove that namespace yourself if it is really unused");
        }
        String pr = existing.label(Ownership.PR);
        String repository = existing.label(Ownership.REPOSITORY);
        if (!plan.prLabel().equals(pr) || !plan.repositoryLabel().equals(repository)) {
            throw new EngineException("namespace '" + existing.name() + "' belongs to PR " + pr + " of " + repository
                    + ", not PR " + plan.prLabel() + " of " + plan.repositoryLabel() + ": two pull requests map to one name;"
                    + " make namePattern more specific (e.g. include {repository})");
        }
        if ("Terminating".equals(existing.phase())) {
            throw new EngineException("namespace '" + existing.name() + "' is still being deleted; run the build again when it is gone");
        }
    }
}
