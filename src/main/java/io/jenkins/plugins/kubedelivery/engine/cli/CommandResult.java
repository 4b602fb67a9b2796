package io.jenkins.plugins.kubedelivery.engine.cli;

/**
 * What a finished command left: its exit code and its output. Inside {@code container()} stderr
 * is merged into stdout, so {@code output} may hold both; parsers must tolerate that.
 *
 * @param exitCode the exit code; {@link #EXIT_STATUS_LOST} when the agent could not report it
 * @param output standard output (and, where the launcher merges them, standard error)
 * @param durationMillis wall time of the command
 * @param explanation what the engine recognised the failure to mean, in one line, or {@code null}
 *     (see {@link UnreadableStagingFile}); {@link ToolFailedException} puts it into its message
 */
public record CommandResult(int exitCode, String output, long durationMillis, String explanation) {
    /** What the kubernetes plugin reports when the exec protocol lost the exit status. */
    public static final int EXIT_STATUS_LOST = -1;

    /** A result as the tool left it, not yet explained. */
    public CommandResult(int exitCode, String output, long durationMillis) {
        this(exitCode, output, durationMillis, null);
    }

    public CommandResult explained(String why) {
        return new CommandResult(exitCode, output, durationMillis, why);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    public boolean exitStatusLost() {
        return exitCode == EXIT_STATUS_LOST;
    }
}
