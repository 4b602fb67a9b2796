package io.jenkins.plugins.kubedelivery.jenkins.preview;

import static io.jenkins.plugins.kubedelivery.jenkins.preview.PullRequestEnvironment.given;

import io.jenkins.plugins.kubedelivery.engine.preview.PreviewRequest;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.DurationText;
import io.jenkins.plugins.kubedelivery.jenkins.PlainValues;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * The {@code createPreviewNamespace} parameters after conversion: the environment's defaults
 * filled in, maps and lists copied into plain serializable values, and turned into the engine's
 * {@link PreviewRequest}. The engine checks the rest (a missing {@code pr} included) before any
 * command runs.
 */
final class CreatePreviewParameters implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String pr;
    private final String repository;
    private final String branch;
    private final String commit;
    private final String buildUrl;
    private final String namePattern;
    private final String hostPattern;
    private final Duration ttl;
    private final LinkedHashMap<String, String> quota;
    private final LinkedHashMap<String, String> limitDefaults;
    private final LinkedHashMap<String, String> limitDefaultRequests;
    private final boolean networkPolicy;
    private final String ingressNamespace;
    private final ArrayList<String> copySecrets;
    private final String secretsNamespace;
    private final LinkedHashMap<String, String> labels;
    private final LinkedHashMap<String, String> annotations;
    private final ClusterAccess clusterAccess;

    private CreatePreviewParameters(CreatePreviewNamespaceStep step, PullRequestEnvironment env) {
        pr = given(step.getPr(), env.pr());
        repository = given(step.getRepository(), env.repository());
        branch = given(step.getBranch(), env.branch());
        commit = given(step.getCommit(), env.commit());
        buildUrl = given(step.getBuildUrl(), env.buildUrl());
        namePattern = step.getNamePattern();
        hostPattern = step.getHostPattern();
        ttl = DurationText.parse("ttl", step.getTtl());
        quota = PlainValues.copyTextMap("quota", step.getQuota());
        limitDefaults = PlainValues.copyTextMap("limitDefaults", step.getLimitDefaults());
        limitDefaultRequests = PlainValues.copyTextMap("limitDefaultRequests", step.getLimitDefaultRequests());
        networkPolicy = step.isNetworkPolicy();
        ingressNamespace = step.getIngressNamespace();
        copySecrets = PlainValues.copyStrings("copySecrets", step.getCopySecrets());
        secretsNamespace = step.getSecretsNamespace();
        labels = PlainValues.copyTextMap("labels", step.getLabels());
        annotations = PlainValues.copyTextMap("annotations", step.getAnnotations());
        clusterAccess = step.clusterAccess();
    }

    /** @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming the parameter that cannot be converted */
    static CreatePreviewParameters of(CreatePreviewNamespaceStep step, PullRequestEnvironment env) {
        return new CreatePreviewParameters(step, env);
    }

    PreviewRequest toRequest() {
        return new PreviewRequest(pr, repository, branch, commit, buildUrl, namePattern, hostPattern, ttl, quota,
                limitDefaults, limitDefaultRequests, networkPolicy, ingressNamespace, copySecrets, secretsNamespace, labels,
                annotations);
    }

    ClusterAccess clusterAccess() {
        return clusterAccess;
    }

    /** For messages: which pull request, as far as known before the engine checks it. */
    String target() {
        return "PR " + (pr == null ? "(none given)" : pr) + " of " + (repository == null ? "(no repository)" : repository);
    }
}
