package io.jenkins.plugins.kubedelivery.engine.cli;

import java.io.IOException;
import java.time.Duration;

/**
 * Runs one command and waits for it: the engine's only way to the outside world's tools. In
 * Jenkins it runs through the step's Launcher (so inside {@code container('helm')} the command runs
 * in that container); in tests it is a local process or a recording.
 *
 * <p>There is no stdin: inside {@code container()} it is ignored, so no command may need it.
 */
@FunctionalInterface
public interface CommandRunner {
    /**
     * Runs the command to completion.
     *
     * @param command the checked argument list
     * @param timeout how long to wait before killing the command
     * @return the result, whatever the exit code (a non-zero exit is not an exception here)
     * @throws IOException when the command could not be started or its output not read
     * @throws InterruptedException when the step was aborted; the command has been killed
     */
    CommandResult run(CommandLine command, Duration timeout) throws IOException, InterruptedException;
}
