// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.model.queue;

import hudson.model.Queue.Executable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** A scheduled build; get() waits for it to finish. */
public interface QueueTaskFuture<R extends Executable> extends Future<R> {
    /** Waits until the build has started, and returns it. */
    R waitForStart() throws InterruptedException, ExecutionException;
}
