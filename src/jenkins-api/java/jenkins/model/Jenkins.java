// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package jenkins.model;

import hudson.PluginManager;
import hudson.model.Item;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.slaves.Cloud;

/** Only what the plugin uses; the real class extends AbstractCIBase and implements much more. */
public class Jenkins implements AccessControlled {
    /** The real value is Permission.HUDSON_ADMINISTER. */
    public static final Permission ADMINISTER = null;

    private Jenkins() {}

    public static Jenkins get() throws IllegalStateException {
        throw new IllegalStateException("compile-only declaration: there is no Jenkins here");
    }

    /** The cloud of that name, or null. */
    public Cloud getCloud(String name) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @SuppressWarnings("rawtypes")
    public <T extends hudson.model.Descriptor> T getDescriptorByType(Class<T> type) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public PluginManager getPluginManager() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public <T extends Item> T getItemByFullName(String fullName, Class<T> type) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
