package io.jenkins.plugins.kubedelivery.engine.cli;

import io.jenkins.plugins.kubedelivery.engine.EngineException;

/** helm or kubectl ended without success; the message carries the tool's own reason. */
public class ToolFailedException extends EngineException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final String output;

    public ToolFailedException(String verb, CommandResult result) {
        super(describe(verb, result));
        this.exitCode = result.exitCode();
        this.output = result.output();
    }

    private static String describe(String verb, CommandResult result) {
        if (result.exitStatusLost()) {
            return verb + ": the exit status was lost (the agent's exec connection reported -1), so the outcome is"
                    + " unknown; check the release with 'helm status' before retrying. Output: "
                    + Text.tail(result.output(), 5, 400);
        }
        return verb + " exited " + result.exitCode() + ": " + Text.tail(result.output(), 5, 600);
    }

    public int exitCode() {
        return exitCode;
    }

    /** The whole output, for callers that need to recognise a specific failure. */
    public String output() {
        return output;
    }
}
