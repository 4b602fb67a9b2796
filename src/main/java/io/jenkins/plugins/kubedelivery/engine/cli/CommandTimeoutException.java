package io.jenkins.plugins.kubedelivery.engine.cli;

import java.io.IOException;

/**
 * A {@link CommandRunner} killed a command that ran past its timeout. Typed, because a helm upgrade
 * killed this way can leave its release pending, which the engine then restores.
 */
public class CommandTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    public CommandTimeoutException(String message) {
        super(message);
    }
}
