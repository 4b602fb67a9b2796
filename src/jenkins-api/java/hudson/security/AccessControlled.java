// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.security;

/** Only the default method the plugin calls ({@code getACL()}, which it never calls, is left out). */
public interface AccessControlled {
    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
