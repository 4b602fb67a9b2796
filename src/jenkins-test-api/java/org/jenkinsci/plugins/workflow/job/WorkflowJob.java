// Mirrors org.jenkins-ci.plugins.workflow:workflow-job:1540.v295eccc9778f (compile-only, never packaged).
package org.jenkinsci.plugins.workflow.job;

import hudson.model.Action;
import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.TopLevelItem;
import hudson.model.queue.QueueTaskFuture;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

/** Only what the suite uses; the real job also implements LazyLoadingJob, ParameterizedJob and more. */
@SuppressWarnings("rawtypes")
public final class WorkflowJob extends Job<WorkflowJob, WorkflowRun> implements TopLevelItem {
    public WorkflowJob(ItemGroup parent, String name) {
        super(parent, name);
    }

    public void setDefinition(FlowDefinition definition) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public QueueTaskFuture<WorkflowRun> scheduleBuild2(int quietPeriod, Action... actions) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public WorkflowRun getBuildByNumber(int n) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
