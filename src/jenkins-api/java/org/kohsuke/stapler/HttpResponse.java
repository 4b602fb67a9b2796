// Mirrors org.kohsuke.stapler:stapler:1903.1905.ve5a_f469356f0, the version jenkins-core 2.479.3 ships (compile-only, never packaged).
package org.kohsuke.stapler;

/** Declared because ListBoxModel and FormValidation implement it; the plugin calls none of its methods. */
public interface HttpResponse {}
