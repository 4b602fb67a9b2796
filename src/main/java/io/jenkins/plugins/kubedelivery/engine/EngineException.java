package io.jenkins.plugins.kubedelivery.engine;

/**
 * The root of every failure the engine reports. Messages are written for the person reading the
 * build log: what failed, on which object, and what to do. They never contain secret values.
 */
public class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
