// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.model;

/** Declared only because Job's constructor takes one. */
public interface ItemGroup<T extends Item> {}
