package io.jenkins.plugins.kubedelivery.jenkins.preview;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.PlainValues;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code reapPreviewNamespaces} parameters after conversion. {@code openPullRequests} keeps the
 * difference the engine relies on: not given ({@code null}) reaps by expiry alone, while an empty
 * list says no pull request is open, so every preview of the repository goes.
 */
final class ReapParameters implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> openPullRequests;
    private final String repository;
    private final boolean dryRun;
    private final int parallelism;
    private final boolean failOnError;
    private final ClusterAccess clusterAccess;

    private ReapParameters(ReapPreviewNamespacesStep step) {
        openPullRequests = PlainValues.copyIds("openPullRequests", step.getOpenPullRequests());
        repository = step.getRepository();
        dryRun = step.isDryRun();
        parallelism = step.getParallelism();
        // Checked here, not only by the engine, which would see it after its list call.
        if (parallelism < 1) {
            throw new ValidationException("parallelism", parallelism + " deletions at a time would delete nothing; give 1 or"
                    + " more (default " + ReapPreviewNamespacesStep.DEFAULT_PARALLELISM + ")");
        }
        failOnError = step.isFailOnError();
        clusterAccess = step.clusterAccess();
    }

    /** @throws ValidationException naming the parameter that cannot be converted */
    static ReapParameters of(ReapPreviewNamespacesStep step) {
        return new ReapParameters(step);
    }

    /** @return the open pull requests, or {@code null} to reap by expiry alone */
    List<String> openPullRequests() { return openPullRequests; }
    String repository() { return repository; }
    boolean dryRun() { return dryRun; }
    int parallelism() { return parallelism; }
    boolean failOnError() { return failOnError; }

    ClusterAccess clusterAccess() {
        return clusterAccess;
    }

    String target() {
        return "the previews of " + (repository == null ? "every repository" : repository)
                + (openPullRequests == null ? " that expired" : " that expired or whose PR is not in " + openPullRequests);
    }
}
