// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.model.queue;

import hudson.model.Queue.Task;
import org.springframework.security.core.Authentication;

public class Tasks {
    /** The authentication a build of the task runs as (what it may see of the credentials). */
    public static Authentication getAuthenticationOf2(Task t) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
