// Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api:710.v3e456cc85233 (compile-only, never packaged).
package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Map;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {
    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();

    public Set<? extends Class<?>> getProvidedContext() {
        return Set.of();
    }

    public boolean takesImplicitBlockArgument() {
        return false;
    }

    public boolean isAdvanced() {
        return false;
    }

    /** Binds named arguments as a Pipeline call does. */
    public Step newInstance(Map<String, Object> arguments) throws Exception {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public static StepDescriptor byFunctionName(String name) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
