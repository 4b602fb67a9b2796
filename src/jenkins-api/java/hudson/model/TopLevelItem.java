// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.model;

/** Only the type (the real one also extends ExtensionPoint and Describable). */
public interface TopLevelItem extends Item {}
