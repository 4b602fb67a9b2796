// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.security;

/**
 * Declared for the constants the plugin passes to permission checks; it constructs none (the real
 * constructors take a PermissionGroup and a Localizable). Declared constants of this type are
 * {@code null} here: the values are Jenkins' own at run time.
 */
public final class Permission {
    private Permission() {}
}
