package io.jenkins.plugins.kubedelivery.jenkins.support;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Result;
import io.jenkins.plugins.kubedelivery.testsupport.OutputRecorder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A step context holding what a Pipeline would provide (Run, TaskListener, Launcher, FilePath,
 * EnvVars, ...) and recording how the step completed. Completing twice is recorded, not hidden.
 */
public final class TestStepContext extends StepContext {
    private static final long serialVersionUID = 1L;

    private final transient Map<Class<?>, Object> values = new ConcurrentHashMap<>();
    private final transient CountDownLatch completed = new CountDownLatch(1);
    private final transient AtomicInteger completions = new AtomicInteger();
    private transient volatile Object result;
    private transient volatile Throwable failure;

    public <T> TestStepContext with(Class<T> key, T value) {
        values.put(key, value);
        return this;
    }

    @Override
    public <T> T get(Class<T> key) {
        return key.cast(values.get(key));
    }

    @Override
    public void onSuccess(Object value) {
        OutputRecorder.record("result", value);
        result = value;
        completions.incrementAndGet();
        completed.countDown();
    }

    @Override
    public void onFailure(Throwable t) {
        OutputRecorder.exception(t);
        failure = t;
        completions.incrementAndGet();
        completed.countDown();
    }

    /** @return whether the step completed within the time */
    public boolean await(Duration timeout) throws InterruptedException {
        return completed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isCompleted() {
        return completed.getCount() == 0;
    }

    public Object result() {
        return result;
    }

    public Throwable failure() {
        return failure;
    }

    public int completions() {
        return completions.get();
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public ListenableFuture<Void> saveState() {
        return Futures.immediateFuture(null);
    }

    @Override
    public void setResult(Result r) {}

    @Override
    public BodyInvoker newBodyInvoker() {
        throw new IllegalStateException("these steps take no body");
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
