package io.jenkins.plugins.kubedelivery.engine.preview;

import java.time.Instant;
import java.util.Map;

/**
 * A checked preview request with its names resolved.
 *
 * @param request the request, its pull request id as {@link PreviewInputs#pullRequest} reads it
 * @param nameRewrite a line for the build log when the namespace name is not what the pattern gave, or {@code null}
 * @param url {@code https://<host>} from the host pattern, or {@code null}
 * @param labels the Namespace's labels: ownership, PR, repository, and the user's extras
 * @param annotations branch, commit, build URL, created-at, expires-at, and the user's extras
 */
public record PreviewPlan(PreviewRequest request, String namespace, String nameRewrite, String url, String prLabel, String repositoryLabel,
        Instant expiresAt, Map<String, String> labels, Map<String, String> annotations) {}
