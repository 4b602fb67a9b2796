// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.model;

/** Declared only for its nested Task and Executable interfaces (the real class extends ResourceController). */
public class Queue {
    private Queue() {}

    /** The real one extends ModelObject and SubTask; a job that builds is one (a Pipeline job too). */
    public interface Task {}

    /** The real one extends Runnable and WithConsoleUrl; a build is one (a Pipeline run too). */
    public interface Executable {}
}
