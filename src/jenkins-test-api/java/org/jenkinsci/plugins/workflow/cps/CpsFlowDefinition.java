// Mirrors org.jenkins-ci.plugins.workflow:workflow-cps:4165.vf547819734da_ (compile-only, never packaged).
package org.jenkinsci.plugins.workflow.cps;

import hudson.model.Descriptor;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

public class CpsFlowDefinition extends FlowDefinition {
    /** A Pipeline script, run in the Groovy sandbox when {@code sandbox} is true. */
    public CpsFlowDefinition(String script, boolean sandbox) throws Descriptor.FormException {}
}
