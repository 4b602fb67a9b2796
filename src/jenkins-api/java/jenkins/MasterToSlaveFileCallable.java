// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package jenkins;

import hudson.FilePath;

/** In 2.479 it implements FileCallable directly and supplies checkRoles; nothing else is used. */
public abstract class MasterToSlaveFileCallable<T> implements FilePath.FileCallable<T> {
}
