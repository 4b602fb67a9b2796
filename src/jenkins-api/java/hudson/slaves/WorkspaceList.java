// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.slaves;

import hudson.FilePath;

public final class WorkspaceList {
    public WorkspaceList() {}

    /** The sibling directory {@code <ws>@tmp}; not created by the call. */
    public static FilePath tempDir(FilePath ws) {
        return ws.sibling(ws.getName() + "@tmp");
    }
}
