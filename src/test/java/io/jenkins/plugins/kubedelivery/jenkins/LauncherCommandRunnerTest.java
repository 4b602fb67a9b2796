package io.jenkins.plugins.kubedelivery.jenkins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import hudson.Proc;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestLauncher;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestLauncher.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class LauncherCommandRunnerTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private LauncherCommandRunner runner(StepFixture fixture) {
        return new LauncherCommandRunner(fixture.launcher, fixture.environment, fixture.workspacePath(),
                fixture.listener.getLogger(), new AtomicInteger());
    }

    @Test
    public void runsTheArgumentListWithMergedOutputAndExitCode() throws Exception {
        StepFixture fixture = StepFixture.local(tmp.getRoot());

        CommandResult result = runner(fixture).run(
                CommandLine.of(List.of("sh", "-c", "echo to-stdout; echo to-stderr >&2; exit 3")), MINUTE);

        assertEquals(3, result.exitCode());
        assertTrue(result.output(), result.output().contains("to-stdout"));
        assertTrue("stderr is merged, as inside container()", result.output().contains("to-stderr"));
        assertTrue(result.durationMillis() >= 0);
    }

    @Test
    public void launchesQuietlyInTheWorkspaceWithoutStdinOrSeparateStderr() throws Exception {
        StepFixture fixture = StepFixture.local(tmp.getRoot());

        CommandResult result = runner(fixture).run(CommandLine.of(List.of("pwd")), MINUTE);

        TestLauncher.Launch launch = fixture.launcher.launches().get(0);
        assertEquals(List.of("pwd"), launch.cmds());
        assertTrue("the runner prints its own line, not the launcher's", launch.quiet());
        assertFalse(launch.stdinSet());
        assertFalse(launch.stderrSet());
        assertEquals(fixture.workspace.toString(), launch.pwd());
        assertEquals(fixture.workspace.toRealPath().toString(), result.output().trim());
    }

    @Test
    public void passesTheStepEnvironmentButNeverPrintsIt() throws Exception {
        StepFixture fixture = StepFixture.local(tmp.getRoot());
        fixture.environment.put("REGISTRY_PASSWORD", "s3cr3t-from-withCredentials");

        CommandResult result = runner(fixture).run(CommandLine.of(List.of("env")), MINUTE);

        assertTrue(result.output().contains("REGISTRY_PASSWORD=s3cr3t-from-withCredentials"));
        assertFalse(fixture.log().contains("s3cr3t"));
    }

    @Test
    public void echoesTheCommandAndItsDuration() throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.getRoot());
        fixture.launcher.reply("helm", "version", Reply.ok("v3.17.3+ge4da497\n"));

        CommandResult result = runner(fixture).run(CommandLine.of(List.of("helm", "version", "--short")), MINUTE);

        assertEquals("v3.17.3+ge4da497\n", result.output());
        String log = fixture.log();
        assertTrue(log, log.contains("$ helm version --short\n"));
        assertTrue(log, log.matches("(?s).*\\(helm version exit 0 after \\d+\\.\\ds\\).*"));
        assertFalse("output is the engine's to show, not the runner's", log.contains("v3.17.3+ge4da497"));
    }

    @Test
    public void passesALostExitStatusThrough() throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.getRoot());
        fixture.launcher.reply("helm", "status", Reply.exit(-1, "partial output"));

        CommandResult result = runner(fixture).run(CommandLine.of(List.of("helm", "status", "payments")), MINUTE);

        assertTrue(result.exitStatusLost());
        assertEquals(CommandResult.EXIT_STATUS_LOST, result.exitCode());
    }

    @Test
    public void killsACommandThatOutlivesItsTimeout() throws Exception {
        StepFixture fixture = StepFixture.local(tmp.getRoot());
        long started = System.nanoTime();

        try {
            runner(fixture).run(CommandLine.of(List.of("sleep", "30")), Duration.ofMillis(300));
            fail("a timed-out command must not look like a result");
        } catch (IOException e) {
            assertEquals("sleep 30 did not finish within 0.3s and was killed", e.getMessage());
        }

        assertTrue("returned soon after the timeout", System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10));
        assertFalse(fixture.launcher.procs().get(0).isAlive());
    }

    @Test
    public void killsTheCommandAndRethrowsWhenInterrupted() throws Exception {
        StepFixture fixture = StepFixture.local(tmp.getRoot());
        BlockingQueue<Throwable> outcome = new ArrayBlockingQueue<>(1);
        Thread worker = new Thread(() -> {
            try {
                runner(fixture).run(CommandLine.of(List.of("sleep", "30")), MINUTE);
                outcome.add(new AssertionError("returned normally"));
            } catch (Throwable t) {
                outcome.add(t);
            }
        });
        worker.start();
        Proc proc = awaitLaunch(fixture);

        worker.interrupt();

        Throwable thrown = outcome.poll(10, TimeUnit.SECONDS);
        assertNotNull("the runner returned after the interrupt", thrown);
        assertTrue(String.valueOf(thrown), thrown instanceof InterruptedException);
        assertFalse("the process was killed, not left running", proc.isAlive());
    }

    @Test
    public void insideAContainerTheCommandIsKilledByItsOwnCookieNotByProcKill() throws Exception {
        StepFixture fixture = StepFixture.local(tmp.getRoot());
        fixture.launcher.likeContainer();
        BlockingQueue<Throwable> outcome = new ArrayBlockingQueue<>(1);
        Thread worker = new Thread(() -> {
            try {
                runner(fixture).run(CommandLine.of(List.of("sleep", "30")), MINUTE);
            } catch (Throwable t) {
                outcome.add(t);
            }
        });
        worker.start();
        Proc proc = awaitLaunch(fixture);

        worker.interrupt();

        assertTrue(outcome.poll(10, TimeUnit.SECONDS) instanceof InterruptedException);
        assertFalse("Proc.kill() alone leaves it running in a container; the kill by environment stopped it", proc.isAlive());
        String cookie = fixture.launcher.launches().get(0).envs().get(LauncherCommandRunner.COOKIE);
        assertTrue(cookie, cookie.startsWith("kube-delivery-"));
        assertEquals(List.of(Map.of(LauncherCommandRunner.COOKIE, cookie)), fixture.launcher.kills());
    }

    @Test
    public void aTimeoutInsideAContainerKillsByCookieToo() throws Exception {
        StepFixture fixture = StepFixture.local(tmp.getRoot());
        fixture.launcher.likeContainer();
        long started = System.nanoTime();
        try {
            runner(fixture).run(CommandLine.of(List.of("sleep", "30")), Duration.ofMillis(300));
            fail("a timed-out command must not look like a result");
        } catch (IOException e) {
            assertEquals("sleep 30 did not finish within 0.3s and was killed", e.getMessage());
        }
        assertTrue("killed at the timeout, not left to finish", System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10));
        assertFalse(fixture.launcher.procs().get(0).isAlive());
    }

    @Test
    public void everyCommandHasItsOwnCookieAndLaunchesNeverOverlap() throws Exception {
        StepFixture fixture = StepFixture.local(tmp.getRoot());
        LauncherCommandRunner runner = runner(fixture);
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            threads.add(new Thread(() -> {
                try {
                    runner.run(CommandLine.of(List.of("true")), MINUTE);
                } catch (IOException | InterruptedException e) {
                    throw new AssertionError(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(8, fixture.launcher.launches().stream().map(l -> l.envs().get(LauncherCommandRunner.COOKIE)).distinct().count());
        assertFalse("the kubernetes plugin's decorator is not safe for concurrent launches", fixture.launcher.launchesOverlapped());
    }

    @Test
    public void killsACannedCommandWhenInterrupted() throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.getRoot());
        fixture.launcher.reply("helm", "upgrade", Reply.hang());
        BlockingQueue<Throwable> outcome = new ArrayBlockingQueue<>(1);
        Thread worker = new Thread(() -> {
            try {
                runner(fixture).run(CommandLine.of(List.of("helm", "upgrade", "payments")), MINUTE);
            } catch (Throwable t) {
                outcome.add(t);
            }
        });
        worker.start();
        TestLauncher.CannedProc proc = (TestLauncher.CannedProc) awaitLaunch(fixture);

        worker.interrupt();

        assertTrue(outcome.poll(10, TimeUnit.SECONDS) instanceof InterruptedException);
        assertTrue(proc.wasKilled());
    }

    @Test
    public void namesTheVerbOfACommand() {
        assertEquals("helm upgrade", LauncherCommandRunner.verb(CommandLine.of(List.of("/usr/bin/helm", "upgrade", "x"))));
        assertEquals("kubectl", LauncherCommandRunner.verb(CommandLine.of(List.of("kubectl", "--context", "a"))));
    }

    static Proc awaitLaunch(StepFixture fixture) throws InterruptedException {
        for (int i = 0; i < 500 && fixture.launcher.procs().isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertFalse("the command was launched", fixture.launcher.procs().isEmpty());
        Thread.sleep(100); // let the runner reach join()
        return fixture.launcher.procs().get(0);
    }
}
