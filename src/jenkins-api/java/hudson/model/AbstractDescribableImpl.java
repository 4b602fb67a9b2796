// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.model;

public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
    @Override
    public Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
