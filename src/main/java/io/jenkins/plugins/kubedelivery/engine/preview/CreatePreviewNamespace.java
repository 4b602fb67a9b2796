package io.jenkins.plugins.kubedelivery.engine.preview;

import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.UseCase;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.cli.StagingArea;
import io.jenkins.plugins.kubedelivery.engine.cli.ToolFailedException;
import io.jenkins.plugins.kubedelivery.engine.cli.WriteOutcome;
import io.jenkins.plugins.kubedelivery.engine.deploy.Durations;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.NamespaceInfo;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * createPreviewNamespace: ensures the pull request's namespace with its quota, limits, network
 * policy and copied Secrets. Idempotent: a later push renews labels and expiry and changes nothing
 * else. Never adopts a namespace it does not own, and checks ownership atomically with the write:
 * the namespace is created with create semantics (a taken name fails), and an existing one is
 * renewed only by a replace from the very version whose ownership was checked.
 */
public final class CreatePreviewNamespace implements UseCase<PreviewRequest, PreviewResult> {
    private final EnginePorts ports;
    private final EngineLog log;
    private final ClusterTarget cluster;

    public CreatePreviewNamespace(EnginePorts ports, ClusterTarget cluster) {
        this.ports = ports;
        this.log = ports.log();
        this.cluster = cluster;
    }

    @Override
    public PreviewResult run(PreviewRequest request) throws InterruptedException {
        long started = ports.clock().millis();
        Instant now = ports.clock().instant();
        PreviewPlan plan = PreviewPlanner.plan(request, now, null);
        if (plan.nameRewrite() != null) {
            log.line(plan.nameRewrite());
        }
        KubectlClient kubectl = new KubectlClient(ports.runner(), ports.kubectl(), cluster);
        // Read before any write, so a missing Secret leaves no namespace behind.
        List<JsonObject> secrets = request.copySecrets().isEmpty() ? List.of()
                : kubectl.secrets(request.copySecrets(), request.secretsNamespace());
        boolean created = kubectl.create(stage(plan, "namespace", PreviewManifests.yamlStream(List.of(PreviewManifests.namespace(plan)))))
                == WriteOutcome.DONE;
        if (!created) {
            log.line("Namespace " + plan.namespace() + " exists (so kubectl create failed): checking it is this pull request's"
                    + " preview before renewing it");
            plan = renew(request, plan, now, kubectl);
        }
        log.line((created ? "Created" : "Renewed") + " preview namespace " + plan.namespace() + " for PR " + plan.request().pr()
                + " of " + request.repository() + ", expires " + plan.expiresAt());
        List<JsonObject> contents = PreviewManifests.contents(plan, secrets);
        if (!contents.isEmpty()) {
            applyContents(plan, contents, kubectl);
        }
        long duration = ports.clock().millis() - started;
        if (plan.url() != null) {
            log.line("Preview URL: " + plan.url());
        }
        log.line("Preview namespace " + plan.namespace() + " ready in " + Durations.human(Duration.ofMillis(duration)));
        return new PreviewResult(plan.namespace(), plan.url(), plan.expiresAt(), created, plan.labels(),
                request.copySecrets(), duration);
    }

    /** The name was taken: read it, check it is this pull request's, and replace it from the version checked. */
    private PreviewPlan renew(PreviewRequest request, PreviewPlan plan, Instant now, KubectlClient kubectl) throws InterruptedException {
        JsonObject live = kubectl.namespaceObject(plan.namespace()).orElseThrow(() -> changedSinceChecked(plan.namespace(),
                "it existed when the plugin tried to create it, and was gone when it read it"));
        NamespaceInfo existing = KubectlClient.toNamespace(live);
        requireOwnedBySamePullRequest(existing, plan);
        PreviewPlan renewed = PreviewPlanner.plan(request, now, existing.annotation(Ownership.CREATED_AT));
        WriteOutcome replaced = kubectl.replace(stage(renewed, "renewal", PreviewManifests.renewed(live, renewed).toString()));
        if (replaced != WriteOutcome.DONE) {
            throw whyRenewalWasRefused(plan.namespace(), kubectl);
        }
        return renewed;
    }

    /** A deletion in between is the common case (a reap, a merge): say so rather than only that it changed. */
    private static EngineException whyRenewalWasRefused(String namespace, KubectlClient kubectl) throws InterruptedException {
        return kubectl.namespace(namespace).map(now -> now.terminating() ? stillBeingDeleted(namespace)
                : changedSinceChecked(namespace, "someone changed it after its ownership was checked"))
                .orElseGet(() -> changedSinceChecked(namespace, "it was deleted"));
    }

    private void applyContents(PreviewPlan plan, List<JsonObject> contents, KubectlClient kubectl) throws InterruptedException {
        String manifest = stage(plan, "contents", PreviewManifests.yamlStream(contents));
        try {
            kubectl.apply(manifest, false).forEach(line -> log.line("  " + line));
        } catch (ToolFailedException e) {
            if (e.output().contains("because it is being terminated")) {
                throw stillBeingDeleted(plan.namespace());
            }
            throw e;
        }
    }

    /** The manifests may hold copied Secret data: they live only in the 0600 staging area. */
    private String stage(PreviewPlan plan, String part, String content) throws InterruptedException {
        try {
            return ports.staging().write(StagingArea.uniqueName("preview-" + plan.namespace() + "-" + part, ".yaml"), content);
        } catch (IOException e) {
            throw new EngineException("could not write the preview manifest: " + e.getMessage(), e);
        }
    }

    private static EngineException changedSinceChecked(String namespace, String what) {
        return new EngineException("namespace '" + namespace + "' changed since it was checked (" + what + "): left alone;"
                + " run the build again to check it afresh");
    }

    private static EngineException stillBeingDeleted(String namespace) {
        return new EngineException("namespace '" + namespace + "' is still being deleted (Terminating), after a"
                + " deletePreviewNamespace or a reap: wait until it is gone (kubectl get namespace " + namespace + ")"
                + " and run the build again");
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
        if (existing.terminating()) {
            throw stillBeingDeleted(existing.name());
        }
    }
}
