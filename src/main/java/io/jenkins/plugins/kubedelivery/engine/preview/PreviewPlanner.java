package io.jenkins.plugins.kubedelivery.engine.preview;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.model.DurationBounds;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a preview request and resolves its names, before any command runs. */
public final class PreviewPlanner {
    private static final Pattern RESOURCE_NAME = Pattern.compile("[a-z0-9]([a-z0-9./-]*[a-z0-9])?");
    /** A Secret's name is a DNS subdomain: no '/', which kubectl would read as a resource type. */
    private static final Pattern SECRET_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final Pattern QUANTITY = Pattern.compile("[0-9]+(\\.[0-9]+)?([eE][0-9]+|[a-zA-Z]{1,2})?");
    private static final Pattern LABEL_KEY = Pattern.compile("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

    private PreviewPlanner() {}

    /** @param now the creation time (for created-at when the namespace is new, and expiry) */
    public static PreviewPlan plan(PreviewRequest given, Instant now, String existingCreatedAt) {
        PreviewRequest r = given.withDefaults().withPullRequest(PreviewInputs.pullRequest("pr", given.pr()));
        PreviewInputs.repository("repository", r.repository());
        String namePattern = PreviewInputs.pattern("namePattern", r.namePattern(), PreviewRequest.DEFAULT_NAME_PATTERN);
        PreviewNaming.Name namespace = PreviewNaming.name("namePattern", namePattern, r.placeholders());
        String url = r.hostPattern() == null || r.hostPattern().isBlank() ? null
                : "https://" + PreviewNaming.host("hostPattern", PreviewInputs.pattern("hostPattern", r.hostPattern(),
                        "pr-{pr}.{repository}.preview.example.com"), r.placeholders());
        Duration ttl = DurationBounds.TTL.require("ttl", r.ttl());
        requireQuantities("quota", r.quota());
        requireQuantities("limitDefaults", r.limitDefaults());
        requireQuantities("limitDefaultRequests", r.limitDefaultRequests());
        if (r.networkPolicy()) {
            NameRules.requireDnsLabel("ingressNamespace", r.ingressNamespace());
        }
        if (!r.copySecrets().isEmpty()) {
            NameRules.requireDnsLabel("secretsNamespace", r.secretsNamespace());
            r.copySecrets().forEach(name -> requireSecretName(name));
        }
        String prLabel = PreviewNaming.toLabelValue(r.pr());
        String repositoryLabel = PreviewNaming.toLabelValue(r.repository());
        Instant expiresAt = now.plus(ttl);
        return new PreviewPlan(r, namespace.label(), namespace.rewrite().orElse(null), url, prLabel, repositoryLabel, expiresAt,
                labels(r, prLabel, repositoryLabel), annotations(r, now, existingCreatedAt, expiresAt));
    }

    private static Map<String, String> labels(PreviewRequest r, String prLabel, String repositoryLabel) {
        Map<String, String> labels = new LinkedHashMap<>();
        r.extraLabels().forEach((k, v) -> labels.put(requireLabelKey("labels", k), requireLabelValue(k, v)));
        labels.put(Ownership.MANAGED_BY, Ownership.MANAGER);
        labels.put(Ownership.PREVIEW, "true");
        labels.put(Ownership.PR, prLabel);
        labels.put(Ownership.REPOSITORY, repositoryLabel);
        return labels;
    }

    private static Map<String, String> annotations(PreviewRequest r, Instant now, String existingCreatedAt, Instant expiresAt) {
        Map<String, String> annotations = new LinkedHashMap<>();
        r.extraAnnotations().forEach((k, v) -> annotations.put(requireLabelKey("annotations", k), v == null ? "" : v));
        annotations.put(Ownership.REPOSITORY_NAME, r.repository());
        putIfPresent(annotations, Ownership.BRANCH, r.branch());
        putIfPresent(annotations, Ownership.COMMIT, r.commit());
        putIfPresent(annotations, Ownership.BUILD_URL, r.buildUrl());
        annotations.put(Ownership.CREATED_AT, existingCreatedAt != null ? existingCreatedAt : now.toString());
        annotations.put(Ownership.EXPIRES_AT, expiresAt.toString());
        return annotations;
    }

    private static void requireQuantities(String parameter, Map<String, String> quantities) {
        quantities.forEach((name, value) -> {
            if (!RESOURCE_NAME.matcher(name).matches()) {
                throw new ValidationException(parameter, "'" + NameRules.shown(name) + "' is not a resource name such as 'limits.memory' or 'pods'");
            }
            if (value == null || !QUANTITY.matcher(value).matches()) {
                throw new ValidationException(parameter, "'" + NameRules.shown(String.valueOf(value)) + "' for '" + name
                        + "' is not a quantity such as '4', '500m' or '8Gi'");
            }
        });
    }

    private static void requireSecretName(String name) {
        if (name == null || name.length() > 253 || !SECRET_NAME.matcher(name).matches()) {
            throw new ValidationException("copySecrets", "'" + NameRules.shown(String.valueOf(name)) + "' is not a Secret name:"
                    + " give the name alone (lower-case letters, digits, '-' and '.'), e.g. 'registry-pull', and its namespace"
                    + " in secretsNamespace");
        }
    }

    private static String requireLabelKey(String parameter, String key) {
        if (key == null || key.length() > 317 || !LABEL_KEY.matcher(key).matches()) {
            throw new ValidationException(parameter, "'" + NameRules.shown(String.valueOf(key)) + "' is not a valid key such as 'team' or 'example.com/spot'");
        }
        if (key.startsWith("kube-delivery.io/") || key.equals(Ownership.MANAGED_BY)) {
            throw new ValidationException(parameter, "'" + key + "' is the plugin's own key; choose another");
        }
        return key;
    }

    private static String requireLabelValue(String key, String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && !PreviewNaming.toLabelValue(v).equals(v)) {
            throw new ValidationException("labels", "the value '" + NameRules.shown(v) + "' of '" + key
                    + "' is not a label value: at most 63 letters, digits, '-', '_' and '.'");
        }
        return v;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
