// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson;

/** Only what the suite uses (the real class extends AbstractModelObject). */
public abstract class PluginManager {
    public PluginWrapper getPlugin(String shortName) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
