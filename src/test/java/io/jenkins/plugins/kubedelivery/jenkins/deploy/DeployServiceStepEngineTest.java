package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies.history;
import static io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies.release;
import static io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies.revision;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestLauncher;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestLauncher.Reply;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import io.jenkins.plugins.kubedelivery.testsupport.SecretScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * deployService end to end: step, adapter and the real engine, with helm replaced by canned outputs
 * in helm 3.17's formats. NEEDS THE ENGINE: fails while DeployService is still a stub.
 */
public class DeployServiceStepEngineTest {
    private static final String TOKEN = "stage-deployer-token-5c2e";
    private static final String DB_PASSWORD = "first-line-of-the-password\nsecond-line-of-it";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    @Rule
    public final SecretScan scan = new SecretScan();

    private StepFixture fixture;
    private final List<String> kubeconfigSeen = new CopyOnWriteArrayList<>();

    @Before
    public void setUp() throws Exception {
        fixture = StepFixture.canned(tmp.getRoot());
        HelmReplies.monorepo(fixture.workspace);
        fixture.credentials.secretText("stage-token", scan.secret(TOKEN));
        fixture.launcher.onLaunch(this::recordKubeconfig);
    }

    /** For each command naming a staged file: its mode, whether it is in the workspace, whether it holds the token. */
    private void recordKubeconfig(TestLauncher.Launch launch) {
        for (String argument : launch.cmds()) {
            Path path = Path.of(argument.startsWith("--kubeconfig=") ? argument.substring(13) : argument);
            if (path.isAbsolute() && path.getFileName() != null && path.getFileName().toString().equals("kubeconfig")) {
                try {
                    kubeconfigSeen.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))
                            + " inWorkspace=" + path.startsWith(fixture.workspace)
                            + " token=" + Files.readString(path).contains(TOKEN));
                } catch (Exception e) {
                    kubeconfigSeen.add("missing while " + launch.cmds() + " ran: " + e);
                }
            }
        }
    }

    private DeployServiceStep tokenStep() {
        DeployServiceStep step = new DeployServiceStep("payments", "stage");
        step.setImageTag("1.4.0-abc123");
        step.setKubeconfigCredentialsId("stage-token");
        step.setServer("https://k8s.stage.example.com:6443");
        step.setSecretValues(Map.of("db.password", scan.secret(DB_PASSWORD)));
        return step;
    }

    private TestStepContext run(DeployServiceStep step) throws Exception {
        TestStepContext context = fixture.context();
        assertFalse(step.start(context).start());
        assertTrue("the step completed", context.await(WAIT));
        return context;
    }

    @Test
    public void upgradesAndReturnsTheResultMap() throws Exception {
        fixture.launcher.reply("helm", "version", HelmReplies.version())
                .reply("helm", "payments-canary", HelmReplies.releaseNotFound()) // no canary beside the release
                .reply("helm", "history", history(revision(1, "deployed", "Install complete")),
                        history(revision(1, "superseded", "Install complete"), revision(2, "deployed", "Upgrade complete")))
                .reply("helm", "upgrade", release("payments", "stage", 2, "Upgrade complete"))
                .reply("helm", "status", release("payments", "stage", 2, "Upgrade complete"));

        TestStepContext context = run(tokenStep());

        assertNull(String.valueOf(context.failure()), context.failure());
        Map<?, ?> result = (Map<?, ?>) context.result();
        assertEquals("payments", result.get("release"));
        assertEquals("stage", result.get("namespace"));
        assertEquals("payments", result.get("chart"));
        assertEquals("0.1.0", result.get("chartVersion"));
        assertEquals("1.0.0", result.get("appVersion"));
        assertEquals(2, result.get("revision"));
        assertEquals(1, result.get("previousRevision"));
        assertEquals("deployed", result.get("status"));
        assertTrue(String.valueOf(result.get("helmVersion")), String.valueOf(result.get("helmVersion")).contains("3.17.3"));
        assertTrue(fixture.launcher.allArguments(), fixture.launcher.allArguments().contains("upgrade"));
        assertTrue(fixture.log(), fixture.log().contains("Deploying payments (chart helm/payments) as release payments to namespace stage, environment stage"));
        assertTrue(fixture.log(), fixture.log().contains("Deployed payments revision 2 (payments-0.1.0, app 1.0.0) to stage in "));
        assertKubeconfigWasPrivateAndIsGone();
        assertSecretNowhere(context);
    }

    @Test
    public void aFirstInstallHasNoPreviousRevision() throws Exception {
        fixture.launcher.reply("helm", "version", HelmReplies.version())
                .reply("helm", "payments-canary", HelmReplies.releaseNotFound()) // no canary beside the release
                .reply("helm", "history", HelmReplies.releaseNotFound(), history(revision(1, "deployed", "Install complete")))
                .reply("helm", "upgrade", release("payments", "stage", 1, "Install complete"))
                .reply("helm", "status", release("payments", "stage", 1, "Install complete"));

        TestStepContext context = run(tokenStep());

        assertNull(String.valueOf(context.failure()), context.failure());
        Map<?, ?> result = (Map<?, ?>) context.result();
        assertEquals(1, result.get("revision"));
        assertNull(result.get("previousRevision"));
        assertKubeconfigWasPrivateAndIsGone();
    }

    @Test
    public void aFailedUpgradeFailsTheStepWithOneLine() throws Exception {
        fixture.launcher.reply("helm", "version", HelmReplies.version())
                .reply("helm", "payments-canary", HelmReplies.releaseNotFound()) // no canary beside the release
                .reply("helm", "history", history(revision(1, "deployed", "Install complete")))
                .reply("helm", "upgrade", Reply.exit(1, "Error: UPGRADE FAILED: execution error at (payments/templates/db.yaml:3:4):"
                        + " the database refused " + DB_PASSWORD + " for token " + TOKEN + "\n"))
                .reply("helm", "status", release("payments", "stage", 1, "Install complete"));

        TestStepContext context = run(tokenStep());

        Throwable failure = context.failure();
        assertTrue(String.valueOf(failure), failure instanceof AbortException);
        assertTrue(failure.getMessage(), failure.getMessage().startsWith("deployService: "));
        assertTrue(failure.getMessage(), failure.getMessage().contains("UPGRADE FAILED"));
        assertTrue(failure.getMessage(), failure.getMessage().contains("the database refused <masked-2> for token <masked-1>"));
        assertFalse(failure.getMessage(), failure.getMessage().contains("\n"));
        assertKubeconfigWasPrivateAndIsGone();
        assertSecretNowhere(context);
    }

    @Test
    public void anAbortKillsHelmAndRemovesTheKubeconfig() throws Exception {
        fixture.launcher.reply("helm", "version", HelmReplies.version())
                .reply("helm", "payments-canary", HelmReplies.releaseNotFound()) // no canary beside the release
                .reply("helm", "history", history(revision(1, "deployed", "Install complete")))
                .reply("helm", "upgrade", Reply.hang())
                .reply("helm", "rollback", HelmReplies.rollbackSucceeded())
                .reply("helm", "status", release("payments", "stage", 1, "Install complete"));
        TestStepContext context = fixture.context();
        StepExecution execution = tokenStep().start(context);
        execution.start();
        TestLauncher.CannedProc upgrade = awaitUpgrade(context);

        Exception cause = new InterruptedException("aborted by a user");
        execution.stop(cause);

        assertTrue(context.await(WAIT));
        assertSame(cause, context.failure());
        assertTrue("helm upgrade was killed", upgrade.wasKilled());
        assertKubeconfigWasPrivateAndIsGone();
        assertSecretNowhere(context);
    }

    @Test
    public void aReleaseNameTheShellWouldInterpretIsRefusedBeforeAnyCommand() throws Exception {
        DeployServiceStep step = tokenStep();
        step.setRelease("payments$(reboot)");

        TestStepContext context;
        try {
            context = run(step);
        } catch (AbortException refusedAtStart) {
            assertTrue(refusedAtStart.getMessage(), refusedAtStart.getMessage().startsWith("deployService: release"));
            assertEquals(0, fixture.launcher.launches().size());
            return;
        }
        assertTrue(String.valueOf(context.failure()), context.failure().getMessage().startsWith("deployService: release"));
        assertEquals(fixture.launcher.allArguments(), 0, fixture.launcher.launches().size());
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    private TestLauncher.CannedProc awaitUpgrade(TestStepContext context) throws InterruptedException {
        for (int i = 0; i < 1000 && !context.isCompleted(); i++) {
            List<TestLauncher.Launch> launches = fixture.launcher.launches();
            for (int n = 0; n < launches.size(); n++) {
                if (launches.get(n).cmds().contains("upgrade") && fixture.launcher.procs().size() > n) {
                    Thread.sleep(100); // let the runner reach join()
                    return (TestLauncher.CannedProc) fixture.launcher.procs().get(n);
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("helm upgrade never ran: " + fixture.launcher.allArguments() + context.failure());
    }

    private void assertKubeconfigWasPrivateAndIsGone() throws Exception {
        assertFalse("some command was given the kubeconfig: " + fixture.launcher.allArguments(), kubeconfigSeen.isEmpty());
        for (String seen : kubeconfigSeen) {
            assertEquals("rw------- inWorkspace=false token=true", seen);
        }
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    private void assertSecretNowhere(TestStepContext context) {
        assertFalse("log", fixture.log().contains(TOKEN));
        assertFalse("argv", fixture.launcher.allArguments().contains(TOKEN));
        assertFalse("result", String.valueOf(context.result()).contains(TOKEN));
        assertFalse("failure", context.failure() != null && String.valueOf(context.failure().getMessage()).contains(TOKEN));
    }
}
