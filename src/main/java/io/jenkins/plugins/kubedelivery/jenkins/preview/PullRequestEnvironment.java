package io.jenkins.plugins.kubedelivery.jenkins.preview;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;

import java.util.Map;

/**
 * What a build's environment says about its pull request, for the defaults of the preview steps.
 * Multibranch pull request builds set {@code CHANGE_ID} (the PR number), {@code CHANGE_BRANCH} (its
 * source branch) and {@code BRANCH_NAME} ({@code PR-42}); the git plugin sets {@code GIT_URL} and
 * {@code GIT_COMMIT} after a checkout; Jenkins always sets {@code BUILD_URL} and {@code JOB_NAME}.
 *
 * @param pr {@code CHANGE_ID}, or {@code null} outside a pull request build
 * @param branch {@code CHANGE_BRANCH}, else {@code BRANCH_NAME}
 * @param repository the last path segment of {@code GIT_URL} without {@code .git}, else the
 *     multibranch project's name: the second-to-last segment of {@code JOB_NAME}
 */
record PullRequestEnvironment(String pr, String branch, String commit, String buildUrl, String repository) {
    static final PullRequestEnvironment NONE = new PullRequestEnvironment(null, null, null, null, null);

    static PullRequestEnvironment from(Map<String, String> env) {
        if (env == null) {
            return NONE;
        }
        String branch = optional(env.get("CHANGE_BRANCH"));
        String repository = repositoryOfGitUrl(env.get("GIT_URL"));
        return new PullRequestEnvironment(optional(env.get("CHANGE_ID")),
                branch != null ? branch : optional(env.get("BRANCH_NAME")),
                optional(env.get("GIT_COMMIT")),
                optional(env.get("BUILD_URL")),
                repository != null ? repository : projectOfJobName(env.get("JOB_NAME")));
    }

    /** {@code https://github.com/acme/shop.git} and {@code git@github.com:acme/shop.git} are both {@code shop}. */
    static String repositoryOfGitUrl(String gitUrl) {
        String url = optional(gitUrl);
        if (url == null) {
            return null;
        }
        url = url.replaceAll("/+$", "");
        String last = url.substring(Math.max(url.lastIndexOf('/'), url.lastIndexOf(':')) + 1);
        return optional(last.endsWith(".git") ? last.substring(0, last.length() - 4) : last);
    }

    /** {@code shop/PR-42} and {@code team/shop/PR-42} name the multibranch project {@code shop}. */
    static String projectOfJobName(String jobName) {
        String name = optional(jobName);
        if (name == null) {
            return null;
        }
        String[] segments = name.split("/");
        return segments.length < 2 ? null : optional(segments[segments.length - 2]);
    }

    /** For messages: which pull request, as far as known before the engine checks it ({@code PR 42 of shop}). */
    static String describe(String pr, String repository) {
        return "PR " + (pr == null ? "(none given)" : pr) + " of " + (repository == null ? "(no repository)" : repository);
    }

    /** The value given to the step, else this environment's. */
    static String given(String stepValue, String environmentValue) {
        String set = optional(stepValue);
        return set != null ? set : environmentValue;
    }
}
