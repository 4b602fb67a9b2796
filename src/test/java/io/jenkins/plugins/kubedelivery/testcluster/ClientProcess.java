package io.jenkins.plugins.kubedelivery.testcluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a client binary (helm, kubectl) against a test cluster with a timeout, capturing its output. */
public final class ClientProcess {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** What a run gave: exit code (-1 on timeout), standard output and standard error. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr, boolean timedOut) {
        public boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }

        /** Standard output then standard error, for messages that may come on either. */
        public String output() {
            return stdout + stderr;
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + exitCode + (timedOut ? " (timed out)" : "")
                    + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private ClientProcess() {}

    public static Result run(TestCluster cluster, Path binary, String... args) {
        return run(cluster, DEFAULT_TIMEOUT, binary, args);
    }

    public static Result run(TestCluster cluster, Duration timeout, Path binary, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        return run(cluster.environment(), cluster.home().toFile(), timeout, command);
    }

    /** Runs with only PATH from this JVM's environment plus {@code environment}, so no real cluster leaks in. */
    public static Result run(Map<String, String> environment, File directory, Duration timeout, List<String> command) {
        try {
            Path out = Files.createTempFile("client-out", ".txt");
            Path err = Files.createTempFile("client-err", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(directory)
                        .redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                builder.environment().keySet().retainAll(List.of("PATH"));
                builder.environment().putAll(environment);
                Process process = builder.start();
                boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                return new Result(command, finished ? process.exitValue() : -1,
                        Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                        !finished);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
