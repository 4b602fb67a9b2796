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

    /**
     * Deprecated in favour of the {@code StaplerRequest2} overload since 2.475, but the one both
     * overloads reach when a descriptor overrides it. Stand-in body: binding needs Stapler.
     */
    @Deprecated
    public T newInstance(org.kohsuke.stapler.StaplerRequest req, net.sf.json.JSONObject formData) throws FormException {
        throw new UnsupportedOperationException("Stapler binds forms only in a running Jenkins");
    }

    public static final class FormException extends Exception {
        public FormException(String message, String formField) {
            super(message);
        }
    }
}
