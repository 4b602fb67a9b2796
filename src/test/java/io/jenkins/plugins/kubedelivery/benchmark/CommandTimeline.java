package io.jenkins.plugins.kubedelivery.benchmark;

import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs commands through another runner and keeps when each started and ended ({@link System#nanoTime()}),
 * so that a benchmark can say which commands a use case ran between two moments, and how long they took.
 */
final class CommandTimeline implements CommandRunner {
    /** One command: its arguments and when it ran. */
    record Launch(List<String> arguments, long started, long ended) {
        /** {@code helm upgrade}, {@code kubectl create --dry-run=server}: the tool and what it was asked to do. */
        String verb() {
            String tool = Path.of(arguments.get(0)).getFileName().toString();
            String verb = tool + " " + arguments.get(1);
            return arguments.contains("--dry-run=server") ? verb + " --dry-run=server" : verb;
        }

        boolean is(String tool, String subcommand) {
            return Path.of(arguments.get(0)).getFileName().toString().equals(tool) && arguments.get(1).equals(subcommand);
        }
    }

    private final CommandRunner delegate;
    private final List<Launch> launches = new ArrayList<>();

    CommandTimeline(CommandRunner delegate) {
        this.delegate = delegate;
    }

    @Override
    public CommandResult run(CommandLine command, Duration timeout) throws IOException, InterruptedException {
        long started = System.nanoTime();
        CommandResult result = delegate.run(command, timeout);
        synchronized (this) {
            launches.add(new Launch(command.arguments(), started, System.nanoTime()));
        }
        return result;
    }

    synchronized void clear() {
        launches.clear();
    }

    /** The commands run so far, in the order they started. */
    synchronized List<Launch> launches() {
        return launches.stream().sorted(Comparator.comparingLong(Launch::started)).toList();
    }

    /** Of these commands, those that started in [{@code from}, {@code to}). */
    static List<Launch> between(List<Launch> launches, long from, long to) {
        return launches.stream().filter(l -> l.started() >= from && l.started() < to).toList();
    }

    /** How long at least one of these commands was running (commands run side by side count once). */
    static long busy(List<Launch> launches) {
        long busy = 0;
        long coveredUntil = Long.MIN_VALUE;
        for (Launch launch : launches.stream().sorted(Comparator.comparingLong(Launch::started)).toList()) {
            long from = Math.max(launch.started(), coveredUntil);
            if (launch.ended() > from) {
                busy += launch.ended() - from;
            }
            coveredUntil = Math.max(coveredUntil, launch.ended());
        }
        return busy;
    }

    /** {@code kubectl get, kubectl replace}: what the commands were, for a figure's line. */
    static String verbs(List<Launch> launches) {
        return launches.stream().map(Launch::verb).collect(Collectors.joining(", "));
    }
}
