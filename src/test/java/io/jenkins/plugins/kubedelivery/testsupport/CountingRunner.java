package io.jenkins.plugins.kubedelivery.testsupport;

import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the commands a use case runs and, given a log, echoes each one the way the Jenkins
 * adapter does ({@code $ helm ...}, then its exit code and duration).
 */
public final class CountingRunner implements CommandRunner {
    private final CommandRunner delegate;
    private final EngineLog log;
    private final AtomicInteger commands = new AtomicInteger();

    public CountingRunner(CommandRunner delegate, EngineLog log) {
        this.delegate = delegate;
        this.log = log;
    }

    @Override
    public CommandResult run(CommandLine command, Duration timeout) throws IOException, InterruptedException {
        commands.incrementAndGet();
        log.line("$ " + command);
        CommandResult result = delegate.run(command, timeout);
        log.line(String.format("  (exit %d after %.1fs)", result.exitCode(), result.durationMillis() / 1000.0));
        return result;
    }

    public int commands() {
        return commands.get();
    }

    public void reset() {
        commands.set(0);
    }
}
