package io.jenkins.plugins.kubedelivery.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything the steps and the engine let out during a test, as a person or a program could see
 * it: log lines, the argv of every command, result maps and exception messages. The test-support
 * classes feed it as they go (the engine fixture's log and runner, the test launcher, the step
 * context, the build log buffer); {@link SecretScan} reads it after each test. One recorder per
 * JVM (surefire runs the test classes one after another), recording only while a SecretScan
 * runs, so the other tests keep nothing here.
 */
public final class OutputRecorder {
    /** One captured output: what kind it is (log, argv, result, exception) and its text. */
    public record Output(String kind, String text) {}

    private static final List<Output> OUTPUTS = new ArrayList<>();
    private static final List<Supplier<Output>> SOURCES = new ArrayList<>();
    private static boolean recording;

    private OutputRecorder() {}

    public static synchronized void record(String kind, Object what) {
        if (recording) {
            OUTPUTS.add(new Output(kind, String.valueOf(what)));
        }
    }

    /** A throwable's message and those of its causes and suppressed failures. */
    public static void exception(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            record("exception", t);
            for (Throwable suppressed : t.getSuppressed()) {
                record("exception (suppressed)", suppressed);
            }
        }
    }

    /** Runs an engine call the way a step would, recording its result, or its exception (then rethrown). */
    public static <T> T call(java.util.concurrent.Callable<T> call) throws Exception {
        try {
            T result = call.call();
            record("result", result);
            return result;
        } catch (Exception | Error e) {
            exception(e);
            throw e;
        }
    }

    /** A text read when the scan runs, such as a whole build log still being written. */
    public static synchronized void source(String kind, Supplier<String> text) {
        if (recording) {
            SOURCES.add(() -> new Output(kind, text.get()));
        }
    }

    static synchronized List<Output> outputs() {
        List<Output> all = new ArrayList<>(OUTPUTS);
        SOURCES.forEach(source -> all.add(source.get()));
        return all;
    }

    /** Starts (or stops) recording, with nothing recorded yet. */
    static synchronized void restart(boolean on) {
        OUTPUTS.clear();
        SOURCES.clear();
        recording = on;
    }
}
