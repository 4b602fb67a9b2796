package io.jenkins.plugins.kubedelivery.jenkins.support;

import hudson.model.Job;
import hudson.model.Run;

/** A build as the step sees it: only its name is used. */
public final class TestRun extends Run<TestRun.TestJob, TestRun> {
    private final String fullDisplayName;

    public TestRun(String fullDisplayName) {
        super(null, 0L);
        this.fullDisplayName = fullDisplayName;
    }

    @Override
    public String getFullDisplayName() {
        return fullDisplayName;
    }

    public abstract static class TestJob extends Job<TestJob, TestRun> {
        private TestJob() {
            super(null, null);
        }
    }
}
