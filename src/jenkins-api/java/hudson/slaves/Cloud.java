// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.slaves;

/**
 * Only what the plugin uses: the type {@code Jenkins.getCloud} returns. The real class extends
 * Actionable and implements ExtensionPoint, Describable and AccessControlled.
 */
public abstract class Cloud {
    public String name;

    protected Cloud(String name) {
        this.name = name;
    }
}
