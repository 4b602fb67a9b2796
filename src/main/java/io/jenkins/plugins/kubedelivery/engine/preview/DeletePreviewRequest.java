package io.jenkins.plugins.kubedelivery.engine.preview;

import java.io.Serializable;

/**
 * What {@code deletePreviewNamespace} was asked to do: names only, so the step may keep it to run
 * again after a restart.
 *
 * @param pr the pull request, or {@code null} when {@code namespace} is given alone
 * @param repository the repository, or {@code null} when {@code namespace} is given alone
 * @param namespace the namespace, or {@code null} to derive it from {@code namePattern}
 * @param namePattern the pattern the preview was created with, or {@code null} for {@link PreviewRequest#DEFAULT_NAME_PATTERN}
 * @param waitForDeletion whether to wait until the namespace and its objects are gone
 */
public record DeletePreviewRequest(String pr, String repository, String namespace, String namePattern, boolean waitForDeletion)
        implements Serializable {}
