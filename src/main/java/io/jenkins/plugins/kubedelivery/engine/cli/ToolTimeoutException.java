package io.jenkins.plugins.kubedelivery.engine.cli;

import io.jenkins.plugins.kubedelivery.engine.EngineException;

/** helm or kubectl was killed for running past its time. */
public class ToolTimeoutException extends EngineException {
    private static final long serialVersionUID = 1L;

    public ToolTimeoutException(String message, CommandTimeoutException cause) {
        super(message, cause);
    }
}
