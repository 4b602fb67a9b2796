package io.jenkins.plugins.kubedelivery.engine;

/** A parameter was refused before any command ran. The message names the parameter and the fix. */
public class ValidationException extends EngineException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    public ValidationException(String parameter, String problem) {
        super(parameter + ": " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
