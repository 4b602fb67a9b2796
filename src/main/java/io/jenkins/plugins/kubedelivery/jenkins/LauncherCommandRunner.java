package io.jenkins.plugins.kubedelivery.jenkins;

import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandTimeoutException;
import io.jenkins.plugins.kubedelivery.engine.deploy.Durations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the engine's commands through the step context's {@link Launcher}, so that inside
 * {@code container('helm') { ... }} they run in that container.
 *
 * <p>Written for what {@code container()} does (docs/ARCHITECTURE.md, "Commands inside container()"):
 * no stdin, stderr merged into the one {@code stdout(...)} stream, {@code readStdout()} unsupported, exit code -1
 * when the exec protocol lost it (passed through as {@link CommandResult#EXIT_STATUS_LOST}), and
 * an interrupted {@code join()} that does not stop the process, so this class kills it itself.
 *
 * <p>Killing: inside {@code container()} {@link Proc#kill()} only writes Ctrl-C to an exec that has
 * no TTY, so the command goes on. Each command therefore carries its own
 * {@value #COOKIE}, and is killed by {@link Launcher#kill(Map)} with it, which the kubernetes plugin's
 * decorator and Jenkins' local and remote launchers implement by finding the processes whose
 * environment holds it; {@link Proc#kill()} follows, to close the process on the Jenkins side.
 *
 * <p>Launching: the kubernetes plugin's decorator keeps its open processes in a list that is not
 * synchronised, so launches through one launcher are serialised; waiting for them stays parallel.
 */
public final class LauncherCommandRunner implements CommandRunner {
    /** The environment variable Jenkins' launchers kill by, as durable-task's commands use it. */
    static final String COOKIE = "JENKINS_SERVER_COOKIE";

    private final Launcher launcher;
    private final Map<String, String> environment;
    private final FilePath workingDirectory;
    private final PrintStream log;
    private final AtomicInteger running;

    /**
     * @param environment the step's environment ({@code withEnv}, proxies); values are never printed
     * @param workingDirectory the workspace, where relative paths of the engine start
     * @param log the build log, which gets a {@code $ helm ...} line and the duration per command
     * @param running counts the commands running now (launched and not yet ended), for
     *     {@link DeliveryStepExecution#blocksRestart}
     */
    public LauncherCommandRunner(Launcher launcher, Map<String, String> environment, FilePath workingDirectory,
            PrintStream log, AtomicInteger running) {
        this.launcher = launcher;
        this.environment = new LinkedHashMap<>(environment);
        this.workingDirectory = workingDirectory;
        this.log = log;
        this.running = running;
    }

    @Override
    public CommandResult run(CommandLine command, Duration timeout) throws IOException, InterruptedException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        log.println("$ " + command);
        long started = System.nanoTime();
        Map<String, String> cookie = Map.of(COOKIE, "kube-delivery-" + UUID.randomUUID());
        Map<String, String> commandEnvironment = new LinkedHashMap<>(environment);
        commandEnvironment.putAll(cookie);
        running.incrementAndGet();
        try {
            Proc proc;
            synchronized (launcher) {
                proc = launcher.launch()
                        .cmds(command.arguments())
                        .envs(commandEnvironment)
                        .pwd(workingDirectory)
                        .quiet(true)
                        .stdout(output)
                        .start();
            }
            int exitCode = awaitExit(new Launched(proc, cookie), command, timeout);
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.println("  (" + verb(command) + " exit " + exitCode + " after " + Durations.human(Duration.ofMillis(millis)) + ")");
            return new CommandResult(exitCode, output.toString(StandardCharsets.UTF_8), millis);
        } finally {
            running.decrementAndGet();
        }
    }

    /** A started command and the environment entry that identifies its processes. */
    private record Launched(Proc proc, Map<String, String> cookie) {}

    private int awaitExit(Launched launched, CommandLine command, Duration timeout) throws IOException, InterruptedException {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = StepWorkers.schedule(() -> {
            timedOut.set(true);
            killQuietly(launched);
        }, timeout);
        try {
            int exitCode = launched.proc().join();
            if (timedOut.get()) {
                throw new CommandTimeoutException(verb(command) + " did not finish within " + Durations.human(timeout)
                        + " and was killed");
            }
            return exitCode;
        } catch (InterruptedException aborted) {
            // join() returning on interruption leaves the process running (container() only closes
            // its websocket), so stop it before reporting the abort.
            killQuietly(launched);
            throw aborted;
        } finally {
            watchdog.cancel(false);
        }
    }

    /**
     * Kills by environment, where the process runs, then closes it on this side. Runs even when the
     * calling thread carries an interrupt, which would fail a remote call at once.
     */
    private void killQuietly(Launched launched) {
        boolean interrupted = Thread.interrupted();
        try {
            launcher.kill(launched.cookie());
            launched.proc().kill();
        } catch (IOException | InterruptedException | RuntimeException e) {
            log.println("  (could not kill the command: " + e.getMessage() + ")");
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code helm upgrade}: the executable's name and its first word, for short messages. */
    static String verb(CommandLine command) {
        List<String> arguments = command.arguments();
        String executable = arguments.get(0).substring(arguments.get(0).lastIndexOf('/') + 1);
        if (arguments.size() > 1 && !arguments.get(1).startsWith("-")) {
            return executable + " " + arguments.get(1);
        }
        return executable;
    }
}
