// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.model;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {
    protected Run(JobT job, long timestamp) {}

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public String getUrl() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
