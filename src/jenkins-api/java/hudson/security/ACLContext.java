// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.security;

/** The authentication set by {@link ACL#as2}, restored by {@link #close()}. */
public class ACLContext implements AutoCloseable {
    ACLContext() {}

    @Override
    public void close() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
