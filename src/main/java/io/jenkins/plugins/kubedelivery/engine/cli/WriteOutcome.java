package io.jenkins.plugins.kubedelivery.engine.cli;

/**
 * How a conditional write ended when it did not simply fail: the API server's answer to a create
 * that must be new, a replace from a resourceVersion, or a delete with preconditions.
 */
public enum WriteOutcome {
    /** Written (created, replaced, or deletion started). */
    DONE,
    /** A create found the name taken (409 AlreadyExists). */
    EXISTS,
    /** The object is no longer the one that was read: another uid or resourceVersion (409 Conflict). */
    CHANGED,
    /** The object is gone (404 NotFound). */
    GONE;

    /**
     * kubectl's words for the server's status reasons, as it prints them for any verb
     * ({@code Error from server (AlreadyExists): ...}).
     *
     * @return the outcome the failed command's output reports, or {@code null} for another failure
     */
    static WriteOutcome ofFailure(String output) {
        if (output.contains("(AlreadyExists)")) {
            return EXISTS;
        }
        if (output.contains("(Conflict)")) {
            return CHANGED;
        }
        if (output.contains("(NotFound)")) {
            return GONE;
        }
        return null;
    }
}
