// Mirrors org.jenkins-ci.main:jenkins-test-harness:2578.v44660312fd37 (compile-only, never packaged).
package org.jvnet.hudson.test;

import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;
import org.jvnet.hudson.test.fixtures.RealJenkinsFixture;

/** Jenkins in a JVM of its own (java -jar jenkins.war); test bodies are serialized and run there. */
public final class RealJenkinsRule implements TestRule {
    public RealJenkinsRule() {}

    @Override
    public Statement apply(Statement base, Description description) {
        throw new UnsupportedOperationException("compile-only declaration: run the suite with -Pjenkins");
    }

    /** Starts Jenkins, runs the steps in it, stops it (the JVM exits). */
    public void then(Step... steps) throws Throwable {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @FunctionalInterface
    public interface Step extends RealJenkinsFixture.Step {
        void run(JenkinsRule r) throws Throwable;
    }
}
