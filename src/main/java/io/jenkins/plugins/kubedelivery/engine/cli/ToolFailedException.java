package io.jenkins.plugins.kubedelivery.engine.cli;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import java.util.Map;

/** helm or kubectl ended without success; the message carries the tool's own reason. */
public class ToolFailedException extends EngineException {
    private static final long serialVersionUID = 1L;
    /** How sh reports a process ended by a signal (128 + the signal), and what usually sends it. */
    private static final Map<Integer, String> SIGNALS = Map.of(
            128 + 9, "SIGKILL, as from the out-of-memory killer, a pod eviction or kill -9",
            128 + 15, "SIGTERM, as when the container or agent is stopped");

    private final int exitCode;
    private final String output;

    public ToolFailedException(String verb, CommandResult result) {
        super(describe(verb, result));
        this.exitCode = result.exitCode();
        this.output = result.output();
    }

    private static String describe(String verb, CommandResult result) {
        String signal = SIGNALS.get(result.exitCode());
        if (signal != null) {
            return verb + " was killed (exit " + result.exitCode() + ": " + signal + "): " + Text.tail(result.output(), 5, 600);
        }
        if (result.exitStatusLost()) {
            return verb + ": the exit status was lost (the agent's exec connection reported -1), so the outcome is"
                    + " unknown; check the release with 'helm status' before retrying. Output: "
                    + Text.tail(result.output(), 5, 400);
        }
        if (result.explanation() != null) {
            return verb + " exited " + result.exitCode() + ": " + result.explanation() + ". It said: "
                    + Text.tail(result.output(), 5, 400);
        }
        return verb + " exited " + result.exitCode() + ": " + Text.tail(result.output(), 5, 600);
    }

    /**
     * Whether the tool may have been cut off mid-work rather than failing by itself: killed by a
     * signal, or its exit status lost with the agent's connection. A helm cut off mid-upgrade
     * leaves its release pending, as a timeout does.
     */
    public boolean cutOff() {
        return SIGNALS.containsKey(exitCode) || exitCode == CommandResult.EXIT_STATUS_LOST;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The whole output, for callers that need to recognise a specific failure. */
    public String output() {
        return output;
    }
}
