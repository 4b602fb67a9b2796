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
 * @param namePattern e.g. {@code pr-{pr}-{repository}}, or {@code null} for {@link #DEFAULT_NAME_PATTERN}
 * @param hostPattern e.g. {@code pr-{pr}.{repository}.preview.example.com}, or {@code null} for no URL
 * @param ttl how long the namespace lives after the last push, or {@code null} for {@link #DEFAULT_TTL}
 * @param quota ResourceQuota {@code spec.hard} (e.g. {@code limits.memory: 8Gi}); empty for none
 * @param limitDefaults LimitRange container defaults (limits); empty for none
 * @param limitDefaultRequests LimitRange container default requests; empty for none
 * @param networkPolicy whether to add the default-deny policy that admits the namespace itself and the ingress controller
 * @param ingressNamespace the ingress controller's namespace, admitted by the policy, or {@code null} for
 *     {@link #DEFAULT_INGRESS_NAMESPACE}
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

    /**
     * This request with the defaults where it leaves a setting unset ({@code null}): the one place
     * they are applied, so a step (and {@code delivery.yaml} before it) can tell a setting left unset
     * from one given with the default's value.
     */
    public PreviewRequest withDefaults() {
        return new PreviewRequest(pr, repository, branch, commit, buildUrl, orDefault(namePattern, DEFAULT_NAME_PATTERN), hostPattern,
                ttl == null ? DEFAULT_TTL : ttl, quota, limitDefaults, limitDefaultRequests, networkPolicy,
                orDefault(ingressNamespace, DEFAULT_INGRESS_NAMESPACE), copySecrets, secretsNamespace, extraLabels, extraAnnotations);
    }

    /**
     * This request with other name and host patterns, time to live and quota, as {@code delivery.yaml}
     * gives them for what the step left unset.
     */
    public PreviewRequest withSettings(String newNamePattern, String newHostPattern, Duration newTtl, Map<String, String> newQuota) {
        return new PreviewRequest(pr, repository, branch, commit, buildUrl, newNamePattern, newHostPattern, newTtl, newQuota,
                limitDefaults, limitDefaultRequests, networkPolicy, ingressNamespace, copySecrets, secretsNamespace, extraLabels,
                extraAnnotations);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The placeholders a pattern may use. */
    public Map<String, String> placeholders() {
        return Map.of("pr", pr == null ? "" : pr, "repository", repository == null ? "" : repository,
                "branch", branch == null ? "" : branch);
    }
}
