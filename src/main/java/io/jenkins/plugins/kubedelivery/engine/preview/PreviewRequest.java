package io.jenkins.plugins.kubedelivery.engine.preview;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@code createPreviewNamespace} was asked to do. Serializable and free of secrets (Secrets to
 * copy are named, never held), so the step may keep it to run again after a restart.
 *
 * @param pr the pull request's number or id
 * @param namePattern e.g. {@code pr-{pr}-{repository}}
 * @param hostPattern e.g. {@code pr-{pr}.{repository}.preview.example.com}, or {@code null} for no URL
 * @param ttl how long the namespace lives after the last push
 * @param quota ResourceQuota {@code spec.hard} (e.g. {@code limits.memory: 8Gi}); empty for none
 * @param limitDefaults LimitRange container defaults (limits); empty for none
 * @param limitDefaultRequests LimitRange container default requests; empty for none
 * @param networkPolicy whether to add the default-deny policy that admits the namespace itself and the ingress controller
 * @param ingressNamespace the ingress controller's namespace, admitted by the policy
 * @param copySecrets Secrets to copy from {@code secretsNamespace} (image pull secrets and others)
 */
public record PreviewRequest(String pr, String repository, String branch, String commit, String buildUrl,
        String namePattern, String hostPattern, Duration ttl, Map<String, String> quota, Map<String, String> limitDefaults,
        Map<String, String> limitDefaultRequests, boolean networkPolicy, String ingressNamespace, List<String> copySecrets,
        String secretsNamespace, Map<String, String> extraLabels, Map<String, String> extraAnnotations) implements Serializable {

    public static final String DEFAULT_NAME_PATTERN = "pr-{pr}-{repository}";
    public static final Duration DEFAULT_TTL = Duration.ofHours(72);
    public static final String DEFAULT_INGRESS_NAMESPACE = "ingress-nginx";

    public PreviewRequest {
        quota = Copies.of(quota);
        limitDefaults = Copies.of(limitDefaults);
        limitDefaultRequests = Copies.of(limitDefaultRequests);
        copySecrets = Copies.of(copySecrets);
        extraLabels = Copies.of(extraLabels);
        extraAnnotations = Copies.of(extraAnnotations);
    }

    /** This request for the pull request as {@link PreviewInputs#pullRequest} reads it. */
    public PreviewRequest withPullRequest(String checkedPr) {
        return new PreviewRequest(checkedPr, repository, branch, commit, buildUrl, namePattern, hostPattern, ttl, quota, limitDefaults,
                limitDefaultRequests, networkPolicy, ingressNamespace, copySecrets, secretsNamespace, extraLabels, extraAnnotations);
    }

    /** The placeholders a pattern may use. */
    public Map<String, String> placeholders() {
        return Map.of("pr", pr == null ? "" : pr, "repository", repository == null ? "" : repository,
                "branch", branch == null ? "" : branch);
    }
}
