// Mirrors org.jenkins-ci.main:remoting (shipped with jenkins-core 2.479.3; compile-only, never packaged).
package hudson.remoting;

public interface VirtualChannel {}
