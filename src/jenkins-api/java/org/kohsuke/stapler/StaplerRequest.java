// Mirrors org.kohsuke.stapler:stapler:1903.1905.ve5a_f469356f0, as jenkins-core 2.479.3 ships it (compile-only, never packaged).
// The real interface extends javax.servlet.http.HttpServletRequest; the plugin only passes it on.
package org.kohsuke.stapler;

@Deprecated
public interface StaplerRequest {}
