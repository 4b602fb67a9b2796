// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson;

/** Only what the suite uses. */
public class PluginWrapper {
    /** The class loader of the plugin's jars. */
    public final ClassLoader classLoader = null;

    private PluginWrapper() {}

    public boolean isActive() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
