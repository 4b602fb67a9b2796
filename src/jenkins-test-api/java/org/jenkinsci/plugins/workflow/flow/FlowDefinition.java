// Mirrors org.jenkins-ci.plugins.workflow:workflow-api:1373.v7b_813f10efa_b_ (compile-only, never packaged).
package org.jenkinsci.plugins.workflow.flow;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/** Declared only because WorkflowJob.setDefinition takes one. */
public abstract class FlowDefinition extends AbstractDescribableImpl<FlowDefinition> implements ExtensionPoint {}
