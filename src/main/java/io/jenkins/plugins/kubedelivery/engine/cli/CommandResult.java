package io.jenkins.plugins.kubedelivery.engine.cli;

/**
 * What a finished command left: its exit code and its output. Inside {@code container()} stderr
 * is merged into stdout, so {@code output} may hold both; parsers must tolerate that.
 *
 * @param exitCode the exit code; {@link #EXIT_STATUS_LOST} when the agent could not report it
 * @param output standard output (and, where the launcher merges them, standard error)
 * @param durationMillis wall time of the command
 */
public record CommandResult(int exitCode, String output, long durationMillis) {
    /** What the kubernetes plugin reports when the exec protocol lost the exit status. */
    public static final int EXIT_STATUS_LOST = -1;

    public boolean succeeded() {
        return exitCode == 0;
    }

    public boolean exitStatusLost() {
        return exitCode == EXIT_STATUS_LOST;
    }
}
