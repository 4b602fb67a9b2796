// Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api:710.v3e456cc85233 (compile-only, never packaged).
package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
    public abstract StepExecution start(StepContext context) throws Exception;

    @Override
    public StepDescriptor getDescriptor() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
