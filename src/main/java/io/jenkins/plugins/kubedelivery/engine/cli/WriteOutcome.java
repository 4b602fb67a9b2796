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
     * Whether kubectl reports a JSON patch the API server could not apply to the object as it is now (a failed
     * {@code test} operation, a path no longer there): the server's generic 422 ({@code errors.NewGenericServerResponse}),
     * whose Status keeps only this message, as kubectl prints it after "The request is invalid: ".
     */
    static boolean isFailedPatchTest(String output) {
        return output.contains("the server rejected our request due to an error in our request");
    }

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
