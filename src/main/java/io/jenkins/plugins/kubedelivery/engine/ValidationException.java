package io.jenkins.plugins.kubedelivery.engine;

/** A parameter was refused before any command ran. The message names the parameter and the fix. */
public class ValidationException extends EngineException {
    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String problem;

    public ValidationException(String parameter, String problem) {
        super(parameter + ": " + problem);
        this.parameter = parameter;
        this.problem = problem;
    }

    public String parameter() {
        return parameter;
    }

    /** The refusal and its fix without the parameter's name, for a caller that places it elsewhere (a delivery.yaml key). */
    public String problem() {
        return problem;
    }
}
