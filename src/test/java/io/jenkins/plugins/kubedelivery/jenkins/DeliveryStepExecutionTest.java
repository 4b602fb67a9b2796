package io.jenkins.plugins.kubedelivery.jenkins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.deploy.AbortSafety;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.jenkins.support.Checkpoints;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestLauncher;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestLauncher.Reply;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The one execution with a scripted stand-in for the engine: threads, clean-up, stop, restart, resume, secrets. */
public class DeliveryStepExecutionTest {
    private static final String TOKEN = "sa-token-7f3a9c1e";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private StepFixture fixture;
    private final List<String> kubeconfigChecks = new CopyOnWriteArrayList<>();

    @Before
    public void setUp() throws Exception {
        fixture = StepFixture.canned(tmp.getRoot());
        fixture.credentials.secretText("stage-token", TOKEN);
        fixture.launcher.onLaunch(this::inspectKubeconfigArgument);
    }

    /** While a command runs, its kubeconfig exists, is 0600, outside the workspace, and holds the token. */
    private void inspectKubeconfigArgument(TestLauncher.Launch launch) {
        int flag = launch.cmds().indexOf("--kubeconfig");
        if (flag < 0) {
            return;
        }
        try {
            Path file = Path.of(launch.cmds().get(flag + 1));
            kubeconfigChecks.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
                    + " inWorkspace=" + file.startsWith(fixture.workspace)
                    + " token=" + Files.readString(file).contains(TOKEN));
        } catch (Exception e) {
            kubeconfigChecks.add("unreadable: " + e);
        }
    }

    private static final ClusterAccess TOKEN_ACCESS = new ClusterAccess("stage-token", null, "https://k8s.example.com");

    @Test
    public void runsOffTheCallingThreadAndReturnsTheResult() throws Exception {
        TestStepContext context = fixture.context();
        fixture.launcher.reply("helm", "status", Reply.ok("{\"name\":\"payments\"}"));
        List<String> threads = new ArrayList<>();
        DeliveryStepExecution execution = scripted(context, TOKEN_ACCESS, session -> {
            threads.add(Thread.currentThread().getName());
            CommandResult status = helm(session, "status", "payments");
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("output", status.output());
            return result;
        });

        assertFalse("completes later, from the worker", execution.start());

        assertTrue(context.await(WAIT));
        assertNull(context.failure());
        assertEquals(Map.of("output", "{\"name\":\"payments\"}"), context.result());
        assertTrue(threads.get(0), threads.get(0).startsWith("kube-delivery step"));
        assertEquals(List.of("rw------- inWorkspace=false token=true"), kubeconfigChecks);
        assertEquals("the kubeconfig is gone", List.of(), fixture.stagingDirectories());
        assertSecretNowhere(context);
    }

    @Test
    public void aFailureIsAOneLineAbortWithTheSecretMasked() throws Exception {
        TestStepContext context = fixture.context();
        fixture.launcher.reply("helm", "upgrade", Reply.exit(1, "Error: Unauthorized"));
        DeliveryStepExecution execution = scripted(context, TOKEN_ACCESS, session -> {
            CommandResult upgrade = helm(session, "upgrade", "payments");
            throw new EngineException("helm upgrade exited " + upgrade.exitCode() + ":\n" + upgrade.output()
                    + "\n(bearer " + TOKEN + ")");
        });

        execution.start();

        assertTrue(context.await(WAIT));
        Throwable failure = context.failure();
        assertTrue(String.valueOf(failure), failure instanceof AbortException);
        assertEquals("deployService: helm upgrade exited 1: | Error: Unauthorized | (bearer <masked-1>)", failure.getMessage());
        assertEquals(List.of("rw------- inWorkspace=false token=true"), kubeconfigChecks);
        assertEquals(List.of(), fixture.stagingDirectories());
        assertSecretNowhere(context);
    }

    @Test
    public void stopKillsTheRunningCommandRemovesTheKubeconfigAndFailsWithTheCause() throws Exception {
        TestStepContext context = fixture.context();
        fixture.launcher.reply("helm", "upgrade", Reply.hang());
        DeliveryStepExecution execution = scripted(context, TOKEN_ACCESS, session -> helm(session, "upgrade", "payments"));
        execution.start();
        TestLauncher.CannedProc proc = (TestLauncher.CannedProc) LauncherCommandRunnerTest.awaitLaunch(fixture);
        assertEquals(1, fixture.stagingDirectories().size());

        Exception cause = new InterruptedException("aborted by a user");
        execution.stop(cause);

        assertTrue(context.await(WAIT));
        assertSame(cause, context.failure());
        assertTrue("helm was killed", proc.wasKilled());
        assertEquals(List.of(), fixture.stagingDirectories());
        Thread.sleep(200);
        assertEquals("completed exactly once", 1, context.completions());
    }

    @Test
    public void theStepCompletesOnlyAfterTheWorkersCleanUpEvenWhenStoppedTwice() throws Exception {
        TestStepContext context = fixture.context();
        fixture.launcher.reply("helm", "upgrade", Reply.hang());
        List<String> events = new CopyOnWriteArrayList<>();
        DeliveryStepExecution execution = scripted(context, TOKEN_ACCESS, session -> {
            try {
                return helm(session, "upgrade", "payments");
            } catch (InterruptedException stopped) {
                Thread.sleep(800); // what a restore takes
                events.add("restored, staging directories: " + fixture.stagingDirectories().size());
                throw stopped;
            }
        });
        execution.start();
        LauncherCommandRunnerTest.awaitLaunch(fixture);
        Thread.sleep(100);

        execution.stop(new InterruptedException("aborted by a user"));
        execution.stop(new InterruptedException("aborted again"));

        assertFalse("a second stop completed the step during the restore", context.isCompleted());
        assertTrue(context.await(WAIT));
        assertEquals(List.of("restored, staging directories: 1"), events);
        assertEquals("aborted by a user", context.failure().getMessage());
        assertEquals(List.of(), fixture.stagingDirectories());
        assertTrue(fixture.log(), fixture.log().contains("deployService: stopping: the running command is killed; waiting up to 6m"
                + " for the running command to end, then the step's private files are removed"));
        assertTrue(fixture.log(), fixture.log().contains("deployService: already stopping: still waiting for the clean-up"));
        assertTrue(fixture.log(), fixture.log().contains("deployService: stopped; the clean-up finished"));
    }

    @Test
    public void theStopGraceOutlastsTheEnginesRestore() {
        assertTrue(DeliveryStepExecution.STOP_GRACE.compareTo(AbortSafety.RESTORE_BOUND) > 0);
    }

    @Test
    public void stopKillsARealProcess() throws Exception {
        stopASleep(StepFixture.local(tmp.newFolder("local")));
    }

    @Test
    public void aStopInsideAContainerKillsTheCommandByItsCookie() throws Exception {
        StepFixture local = StepFixture.local(tmp.newFolder("container"));
        local.launcher.likeContainer();

        stopASleep(local);

        String cookie = local.launcher.launches().get(0).envs().get(LauncherCommandRunner.COOKIE);
        assertEquals("the kill by environment reached the launcher", List.of(Map.of(LauncherCommandRunner.COOKIE, cookie)),
                local.launcher.kills());
    }

    /** Starts a real {@code sleep 30} through the execution, stops the step, and checks the process is gone. */
    private static void stopASleep(StepFixture local) throws Exception {
        TestStepContext context = local.context();
        DeliveryStepExecution execution = scripted(context, new ClusterAccess(null, null, null),
                session -> session.ports().runner().run(CommandLine.of(List.of("sleep", "30")), Duration.ofMinutes(1)));
        execution.start();
        hudson.Proc proc = LauncherCommandRunnerTest.awaitLaunch(local);

        execution.stop(new InterruptedException("abort"));

        assertTrue(context.await(WAIT));
        assertFalse(proc.isAlive());
        assertEquals(List.of(), local.stagingDirectories());
    }

    /** A safe restart waits for a running command, never for a step that only waits between commands. */
    @Test
    public void blocksRestartOnlyWhileACommandRuns() throws Exception {
        TestStepContext context = fixture.context();
        fixture.launcher.reply("helm", "upgrade", Reply.hang());
        CountDownLatch betweenCommands = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        DeliveryStepExecution execution = scripted(context, TOKEN_ACCESS, session -> {
            betweenCommands.countDown();
            goOn.await();
            return helm(session, "upgrade", "payments");
        });
        assertFalse("not started", execution.blocksRestart());
        execution.start();

        assertTrue(betweenCommands.await(20, TimeUnit.SECONDS));
        assertFalse("waiting between commands", execution.blocksRestart());
        goOn.countDown();
        LauncherCommandRunnerTest.awaitLaunch(fixture);
        assertTrue("helm runs", execution.blocksRestart());

        execution.stop(new InterruptedException("abort"));
        assertTrue(context.await(WAIT));
        assertFalse("completed", execution.blocksRestart());
    }

    /** A resumable call runs again after a restart from what the checkpoint wrote, with a fresh mask for its secrets. */
    @Test
    public void onResumeRunsAResumableCallAgain() throws Exception {
        fixture.launcher.reply("helm", "status", Reply.ok("{\"name\":\"payments\"}"));
        TestStepContext before = fixture.context();
        DeliveryStepExecution execution = new DeliveryStepExecution(before, "createPreviewNamespace", new ReadingCall(TOKEN_ACCESS));
        TestStepContext after = fixture.context();

        StepExecution restored = Checkpoints.restart(execution, before, after);
        restored.onResume();

        assertTrue(after.await(WAIT));
        assertNull(String.valueOf(after.failure()), after.failure());
        assertEquals("{\"name\":\"payments\"}", after.result());
        assertTrue(fixture.log(), fixture.log().contains("createPreviewNamespace: the Jenkins controller restarted while this step"
                + " was running; running it again for the release payments"));
        assertEquals(List.of("rw------- inWorkspace=false token=true"), kubeconfigChecks);
        assertEquals(List.of(), fixture.stagingDirectories());
        assertSecretNowhere(after);
    }

    @Test
    public void onResumeFailsACallThatCannotResumeWithItsAdviceAndRunsNothing() throws Exception {
        TestStepContext before = fixture.context();
        DeliveryStepExecution execution = scripted(before, TOKEN_ACCESS, session -> "never");
        TestStepContext after = fixture.context();

        Checkpoints.restart(execution, before, after).onResume();

        assertTrue(after.isCompleted());
        assertEquals("deployService: the Jenkins controller restarted while this step was running, which cut off the"
                + " helm or kubectl command it had started. Run it again.", after.failure().getMessage());
        assertTrue(fixture.launcher.launches().isEmpty());
    }

    /** A resumable call reading the release: serializable whole, as a preview step's request is. */
    private record ReadingCall(ClusterAccess clusterAccess) implements StepCall {
        @Override
        public Object run(EngineSession session) throws Exception {
            return helm(session, "status", "payments").output();
        }

        @Override public String target() { return "the release payments"; }
        @Override public boolean resumable() { return true; }
        @Override public String resumeAdvice() { return "not used: the call runs again"; }
    }

    private static CommandResult helm(EngineSession session, String verb, String release) throws Exception {
        List<String> argv = new ArrayList<>(List.of("helm", verb, release));
        if (session.cluster().kubeconfigPath() != null) {
            argv.addAll(List.of("--kubeconfig", session.cluster().kubeconfigPath()));
        }
        return session.ports().runner().run(CommandLine.of(argv), Duration.ofMinutes(1));
    }

    private void assertSecretNowhere(TestStepContext context) {
        assertFalse("log", fixture.log().contains(TOKEN));
        assertFalse("argv", fixture.launcher.allArguments().contains(TOKEN));
        assertFalse("result", String.valueOf(context.result()).contains(TOKEN));
        assertFalse("failure", context.failure() != null && String.valueOf(context.failure().getMessage()).contains(TOKEN));
    }

    interface Scenario {
        Object run(EngineSession session) throws Exception;
    }

    private static DeliveryStepExecution scripted(StepContext context, ClusterAccess access, Scenario scenario) {
        return new DeliveryStepExecution(context, "deployService", new ScriptedCall(access, scenario, false));
    }

    /** A step's call whose engine work is scripted by the test; the scenario is transient, as a deploy's request is. */
    static final class ScriptedCall implements StepCall {
        private static final long serialVersionUID = 1L;

        private final ClusterAccess access;
        private final transient Scenario scenario;
        private final boolean resumable;

        ScriptedCall(ClusterAccess access, Scenario scenario, boolean resumable) {
            this.access = access;
            this.scenario = scenario;
            this.resumable = resumable;
        }

        @Override public ClusterAccess clusterAccess() { return access; }
        @Override public Object run(EngineSession session) throws Exception { return scenario.run(session); }
        @Override public String target() { return "payments in environment stage"; }
        @Override public boolean resumable() { return resumable; }
        @Override public String resumeAdvice() { return "Run it again."; }
    }
}
