package io.jenkins.plugins.kubedelivery.engine.preview;

import java.io.Serializable;
import java.util.List;

/**
 * What {@code reapPreviewNamespaces} was asked to do: names and numbers only, so the step may keep
 * it to run again after a restart.
 *
 * @param openPullRequests the repository's open PRs, or {@code null} to reap by expiry alone (an
 *     empty list says none is open, so every preview of the repository goes)
 * @param repository limits reaping to one repository's previews, or {@code null} for every
 *     repository; required with {@code openPullRequests}
 * @param dryRun report what would be deleted, delete nothing
 * @param parallelism deletions at the same time
 */
public record ReapRequest(List<String> openPullRequests, String repository, boolean dryRun, int parallelism)
        implements Serializable {
    public ReapRequest {
        openPullRequests = openPullRequests == null ? null : Copies.of(openPullRequests);
    }
}
