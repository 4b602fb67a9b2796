package io.jenkins.plugins.kubedelivery.engine.cli;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import java.io.IOException;
import java.time.Duration;

/** The one path from a client to the runner: an unstartable tool and a failed one become engine errors. */
final class ToolCalls {
    private ToolCalls() {}

    static CommandResult run(CommandRunner runner, CommandLine command, Duration timeout) throws InterruptedException {
        try {
            return runner.run(command, timeout);
        } catch (CommandTimeoutException e) {
            throw new ToolTimeoutException(e.getMessage(), e);
        } catch (IOException e) {
            throw new EngineException("could not run " + command.executable() + ": " + e.getMessage(), e);
        }
    }

    static CommandResult requireSuccess(String verb, CommandResult result) {
        if (!result.succeeded()) {
            throw new ToolFailedException(verb, result);
        }
        return result;
    }

    static CommandResult succeed(CommandRunner runner, String verb, CommandLine command, Duration timeout) throws InterruptedException {
        return requireSuccess(verb, run(runner, command, timeout));
    }
}
