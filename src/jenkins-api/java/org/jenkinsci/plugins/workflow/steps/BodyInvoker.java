// Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api:710.v3e456cc85233 (compile-only, never packaged).
package org.jenkinsci.plugins.workflow.steps;

/** Declared only because StepContext returns it; the plugin starts no bodies. */
public abstract class BodyInvoker {}
