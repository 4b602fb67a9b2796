package io.jenkins.plugins.kubedelivery.engine.preview;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules for what names a preview: the pull request id, the repository and the name and host
 * patterns, shared by the three preview steps so that a preview created under one reading of an
 * input is deleted and reaped under the same reading. Characters that no real pull request,
 * repository or pattern holds are refused; what is only not DNS-safe is rewritten by
 * {@link PreviewNaming}, and the steps log that rewrite.
 */
public final class PreviewInputs {
    /** What {@code CHANGE_ID} holds: a number, or an id of letters, digits, '.', '_' and '-'. */
    private static final Pattern PR_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    /**
     * The multibranch job name of a change as Jenkins shows it ({@code PR-101} for GitHub and
     * Bitbucket, {@code MR-101} for GitLab): it means change 101, never an id of its own.
     */
    private static final Pattern BRANCH_JOB_NAME = Pattern.compile("(?:PR|MR)-([0-9]{1,18})");
    /** Letters of any script, digits, '.', '_', '-' and spaces, as Git hosts allow in repository names. */
    private static final Pattern REPOSITORY = Pattern.compile("[\\p{L}\\p{N} ._-]{1,200}");
    /** Name characters and {placeholders}; the braces only around a placeholder name. */
    private static final Pattern NAME_PATTERN = Pattern.compile("(?:[\\p{L}\\p{N}._-]|\\{[A-Za-z]+})+");

    private PreviewInputs() {}

    /**
     * @param parameter named in the refusal, e.g. {@code pr} or {@code openPullRequests[2]}
     * @return the pull request id; {@code PR-101} (as Jenkins names the change's job) becomes {@code 101}
     * @throws ValidationException when missing or not a pull request id
     */
    public static String pullRequest(String parameter, String pr) {
        String trimmed = pr == null ? "" : pr.trim();
        Matcher jobName = BRANCH_JOB_NAME.matcher(trimmed);
        if (jobName.matches()) {
            return jobName.group(1);
        }
        if (!PR_ID.matcher(trimmed).matches()) {
            throw new ValidationException(parameter, (trimmed.isEmpty() ? "is required" : "'" + NameRules.shown(pr)
                    + "' is not a pull request id") + ": give its number, such as pr: '123', or 'PR-123' as Jenkins names"
                    + " its job (outside a pull request build there is no CHANGE_ID to default to)");
        }
        return trimmed;
    }

    /**
     * @throws ValidationException when missing, or holding characters no repository name has (shell
     *     metacharacters, slashes, quotes): what is left only needs rewriting into a label
     */
    public static String repository(String parameter, String repository) {
        NameRules.requirePresent(parameter, repository);
        if (!REPOSITORY.matcher(repository).matches() || PreviewNaming.toLabelValue(repository).isEmpty()) {
            throw new ValidationException(parameter, "'" + NameRules.shown(repository) + "' is not a repository name: use"
                    + " letters, digits, '.', '_' and '-' (the last part of the Git URL, e.g. 'shop' for acme/shop.git)");
        }
        return repository;
    }

    /**
     * @throws ValidationException for characters a name cannot hold, or braces around anything but
     *     a placeholder name
     */
    public static String pattern(String parameter, String pattern, String example) {
        NameRules.requirePresent(parameter, pattern);
        if (!NAME_PATTERN.matcher(pattern).matches()) {
            throw new ValidationException(parameter, "'" + NameRules.shown(pattern) + "' holds characters no name can:"
                    + " use letters, digits, '.', '_', '-' and the placeholders {pr}, {repository}, {branch}, e.g. '"
                    + example + "'");
        }
        return pattern;
    }
}
