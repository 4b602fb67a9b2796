// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Only what the plugin uses (the real one also extends PersistenceRoot, SearchableModelObject, OnMaster). */
public interface Item extends AccessControlled {
    /** The real value is Jenkins' "Job/ExtendedRead" permission. */
    Permission EXTENDED_READ = null;
}
