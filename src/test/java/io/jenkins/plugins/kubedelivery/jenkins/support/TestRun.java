package io.jenkins.plugins.kubedelivery.jenkins.support;

import hudson.model.Job;
import hudson.model.Run;

/** A build as the step sees it: only its names are used (its id is its display name without the » and spaces). */
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

    /** {@code monorepo » main #7} → {@code monorepo/main#7}, as Jenkins forms it from the job's full name and the number. */
    @Override
    public String getExternalizableId() {
        return fullDisplayName.replace(" » ", "/").replace(" #", "#");
    }

    public abstract static class TestJob extends Job<TestJob, TestRun> {
        private TestJob() {
            super(null, null);
        }
    }
}
