// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.model;

/** Only the type: WorkflowJob.scheduleBuild2 takes them (the real one extends ModelObject). */
public interface Action {}
