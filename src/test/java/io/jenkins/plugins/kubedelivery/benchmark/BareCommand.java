package io.jenkins.plugins.kubedelivery.benchmark;

import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import java.time.Duration;
import java.util.List;

/** A command a user would run by hand, the baseline of a figure: timed, and a failure stops the benchmark. */
final class BareCommand {
    private BareCommand() {}

    /** @return how long it ran, in nanoseconds */
    static long time(CommandRunner runner, List<String> argv, Duration wait) throws Exception {
        long started = System.nanoTime();
        CommandResult result = runner.run(CommandLine.of(argv), wait);
        long nanos = System.nanoTime() - started;
        if (!result.succeeded()) {
            throw new IllegalStateException(String.join(" ", argv) + " failed: " + result.output());
        }
        return nanos;
    }
}
