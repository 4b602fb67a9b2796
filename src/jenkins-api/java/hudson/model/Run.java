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

    public boolean isBuilding() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    /** The job's full name, {@code #}, the build number. */
    public String getExternalizableId() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    /**
     * Null when the job or the build is not found (or the job is not visible to the caller). The real
     * one also declares Spring's AccessDeniedException, unchecked, which the plugin does not name.
     */
    public static Run<?, ?> fromExternalizableId(String id) throws IllegalArgumentException {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
