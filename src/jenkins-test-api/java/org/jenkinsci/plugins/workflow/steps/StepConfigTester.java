// Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api:710.v3e456cc85233:tests (compile-only, never packaged).
package org.jenkinsci.plugins.workflow.steps;

import org.jvnet.hudson.test.JenkinsRule;

public final class StepConfigTester {
    public StepConfigTester(JenkinsRule rule) {}

    /** Shows the step in its config form, submits the form and returns the step bound from it. */
    public <S extends Step> S configRoundTrip(S before) throws Exception {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
