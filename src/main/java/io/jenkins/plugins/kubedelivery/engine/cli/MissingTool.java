package io.jenkins.plugins.kubedelivery.engine.cli;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import java.io.IOException;
import java.util.Optional;

/**
 * A tool command that failed because the tool could not start at all: the container's shell found
 * no such command (its exit status 127), or the agent could not start the executable. Callers that
 * can do without an optional tool (kubectl, in a helm-only container) tell this from a tool that ran
 * and failed.
 */
public final class MissingTool {
    /** Exit status of a shell that found no such command. */
    private static final int COMMAND_NOT_FOUND = 127;

    private MissingTool() {}

    /** Why the tool could not start, when that is why {@code failure} happened; empty for a tool that ran. */
    public static Optional<String> why(EngineException failure, String tool) {
        if (failure instanceof ToolFailedException failed) {
            return failed.exitCode() == COMMAND_NOT_FOUND ? Optional.of(tool + " is not on the PATH") : Optional.empty();
        }
        return failure.getCause() instanceof IOException ? Optional.of(failure.getMessage()) : Optional.empty();
    }
}
