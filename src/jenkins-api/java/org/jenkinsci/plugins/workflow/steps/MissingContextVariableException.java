// Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api:710.v3e456cc85233 (compile-only, never packaged).
package org.jenkinsci.plugins.workflow.steps;

public class MissingContextVariableException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Class<?> type;

    public MissingContextVariableException(Class<?> type, StepDescriptor d) {
        super("Required context " + type + " is missing");
        this.type = type;
    }

    public Class<?> getType() {
        return type;
    }
}
