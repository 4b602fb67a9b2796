package io.jenkins.plugins.kubedelivery.engine.preview;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.model.NamespaceInfo;
import java.util.Optional;

/**
 * What deletePreviewNamespace does with the namespace it read, decided before any deletion: a pure
 * function of what the cluster answered and whose preview was asked for. The deletion then carries
 * preconditions on the namespace as read, so the API server refuses it if this decision went stale.
 */
public enum DeletionDecision {
    /** Nothing by that name: done, nothing deleted. */
    ALREADY_GONE,
    /** The plugin's, and being deleted already: nothing to send (only to wait for, if asked). */
    ALREADY_BEING_DELETED,
    /** The plugin's, this pull request's and repository's: delete it. */
    DELETE;

    /**
     * @param pr the pull request asked for, or {@code null} to check ownership alone
     * @param repository the repository asked for, or {@code null} to check ownership alone
     * @throws EngineException when the namespace is not a kube-delivery preview, or belongs to
     *     another pull request or repository: it is never deleted
     */
    public static DeletionDecision decide(Optional<NamespaceInfo> read, String pr, String repository) {
        if (read.isEmpty()) {
            return ALREADY_GONE;
        }
        NamespaceInfo info = read.get();
        requireOwned(info, pr, repository);
        return info.terminating() ? ALREADY_BEING_DELETED : DELETE;
    }

    private static void requireOwned(NamespaceInfo info, String pr, String repository) {
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
