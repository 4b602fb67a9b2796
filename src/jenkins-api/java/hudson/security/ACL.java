// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.security;

import org.springframework.security.core.Authentication;

/** Only what the plugin uses. */
public abstract class ACL {
    /** The real value is the SYSTEM user's authentication; compile-only here. */
    public static final Authentication SYSTEM2 = null;

    public static ACLContext as2(Authentication auth) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
