// Mirrors org.jenkins-ci.main:jenkins-test-harness:2578.v44660312fd37 (compile-only, never packaged).
package org.jvnet.hudson.test;

import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;
import org.jvnet.hudson.test.fixtures.JenkinsSessionFixture;

public class JenkinsSessionRule implements TestRule {
    @Override
    public Statement apply(Statement base, Description description) {
        throw new UnsupportedOperationException("compile-only declaration: run the suite with -Pjenkins");
    }

    /** Starts Jenkins on the same home, runs the step, stops Jenkins. */
    public void then(Step s) throws Throwable {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public interface Step extends JenkinsSessionFixture.Step {}
}
