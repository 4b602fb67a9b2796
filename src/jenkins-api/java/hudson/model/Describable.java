// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.model;

public interface Describable<T extends Describable<T>> {
    Descriptor<T> getDescriptor();
}
