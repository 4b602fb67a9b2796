// Mirrors org.jenkins-ci.plugins.workflow:workflow-job:1540.v295eccc9778f (compile-only, never packaged).
package org.jenkinsci.plugins.workflow.job;

import hudson.model.Queue;
import hudson.model.Run;
import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

/** Only what the suite uses; the real run also implements FlowExecutionOwner.Executable and RunWithSCM. */
public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> implements Queue.Executable {
    public WorkflowRun(WorkflowJob job) throws IOException {
        super(job, 0L);
    }

    /** The build page's stop button: aborts the running Pipeline. */
    public HttpResponse doStop() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
