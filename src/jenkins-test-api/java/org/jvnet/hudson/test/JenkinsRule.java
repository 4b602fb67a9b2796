// Mirrors org.jenkins-ci.main:jenkins-test-harness:2578.v44660312fd37 (compile-only, never packaged).
package org.jvnet.hudson.test;

import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import hudson.slaves.DumbSlave;
import java.io.IOException;
import java.util.concurrent.Future;
import jenkins.model.Jenkins;
import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/** Only what the suite uses; the real rule also implements MethodRule and RootAction. */
@SuppressWarnings("rawtypes")
public class JenkinsRule implements TestRule {
    public Jenkins jenkins;

    public JenkinsRule() {}

    @Override
    public Statement apply(Statement base, Description description) {
        throw new UnsupportedOperationException("compile-only declaration: run the suite with -Pjenkins");
    }

    public <T extends TopLevelItem> T createProject(Class<T> type, String name) throws IOException {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public DumbSlave createOnlineSlave() throws Exception {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public <R extends Run> R assertBuildStatus(Result status, R r) throws Exception {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public <R extends Run> R assertBuildStatusSuccess(Future<? extends R> r) throws Exception {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public void assertLogContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public void assertLogNotContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public <R extends Run<?, ?>> R waitForCompletion(R r) throws InterruptedException {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public <R extends Run<?, ?>> R waitForMessage(String message, R r) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
