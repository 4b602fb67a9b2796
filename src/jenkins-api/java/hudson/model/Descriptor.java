// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.model;

public abstract class Descriptor<T extends Describable<T>> {
    public final transient Class<? extends T> clazz;

    protected Descriptor(Class<? extends T> clazz) {
        this.clazz = clazz;
    }

    /** Infers the described class from the enclosing class, as the real one does. */
    @SuppressWarnings("unchecked")
    protected Descriptor() {
        this.clazz = (Class<? extends T>) getClass().getEnclosingClass();
    }

    public String getDisplayName() {
        return clazz.getSimpleName();
    }
}
