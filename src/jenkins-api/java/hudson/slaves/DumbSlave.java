// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.slaves;

/** An agent; the real class extends Slave, where getNodeName() is declared. */
public final class DumbSlave {
    private DumbSlave() {}

    public String getNodeName() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
