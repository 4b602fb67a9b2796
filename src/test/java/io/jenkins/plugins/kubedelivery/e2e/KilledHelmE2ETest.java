package io.jenkins.plugins.kubedelivery.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackService;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployResult;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackResult;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.LocalProcessRunner;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * A helm killed by a signal mid-upgrade (SIGKILL, as the out-of-memory killer sends), with the
 * real helm 3 and 4 against the simulated cluster: the release is restored first, and every piece
 * of advice a failure message gives is run as written and must put the release where it said.
 */
@RunWith(Parameterized.class)
public class KilledHelmE2ETest {
    private static final Pattern ROLLBACK_CALL = Pattern.compile("rollbackService\\(([^)]*)\\)");
    private static final String STALLING_TAG = "stalls";

    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster();

    private final String helmVersion;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private EnginePorts ports;
    private ClusterTarget target;

    public KilledHelmE2ETest(String helmVersion) {
        this.helmVersion = helmVersion;
    }

    @Parameters(name = "helm {0}")
    public static Collection<Object[]> versions() {
        return Tools.helmParameters();
    }

    @Before
    public void connect() {
        cluster.createNamespace("stage");
        ports = fixture.livePorts(cluster, helmVersion);
        target = EngineFixture.target(cluster);
    }

    @After
    public void stopBackground() {
        background.shutdownNow();
    }

    @Test
    public void aHelmKilledMidUpgradeIsRestoredBeforeTheFailureIsReported() throws Exception {
        EngineException e = killHelmMidUpgrade(() -> {});

        assertTrue(e.getMessage(), e.getMessage().startsWith("helm upgrade was killed (exit 137: SIGKILL"));
        assertTrue(e.getMessage(), e.getMessage().endsWith("Rolled back automatically: revision 4 now runs the content of revision 2."));
        assertEquals(Optional.of("deployed v4"), cluster.releaseState("stage", "payments"));
        assertEquals("registry.example.com/shop/payments:1.1", runningImage());
    }

    @Test
    public void whenTheRestoreFailsTheAdvisedRollbackReturnsToTheLastDeployedRevision() throws Exception {
        EngineException e = killHelmMidUpgrade(this::failTheRestore);

        assertEquals(Optional.of("pending-upgrade v3"), cluster.releaseState("stage", "payments"));
        assertTrue(e.getMessage(), e.getMessage().endsWith("Revision 3 is pending-upgrade (helm was stopped before it finished)"
                + " and nothing was rolled back; revision 2 is the last good one: return to it with"
                + " rollbackService(service: 'payments', environment: 'stage', toRevision: 2), or deploy again with"
                + " recoverStuckRelease: true."));
        RollbackResult back = runAdvisedRollback(e.getMessage());
        assertEquals(2, back.toRevision());
        assertEquals(Optional.of("deployed v4"), cluster.releaseState("stage", "payments"));
        assertEquals("registry.example.com/shop/payments:1.1", runningImage());
    }

    @Test
    public void theStuckReleaseAdviceOfTheNextDeployDoesWhatItSays() throws Exception {
        killHelmMidUpgrade(this::failTheRestore);

        EngineException stuck = assertThrows(EngineException.class, () -> deploy("1.2", false));
        assertTrue(stuck.getMessage(), stuck.getMessage().contains("Set recoverStuckRelease: true to roll back to revision 2"
                + " and carry on, or run: rollbackService(service: 'payments', environment: 'stage', toRevision: 2)"));
        runAdvisedRollback(stuck.getMessage());
        assertEquals(Optional.of("deployed v4"), cluster.releaseState("stage", "payments"));
        assertEquals("registry.example.com/shop/payments:1.1", runningImage());
    }

    @Test
    public void deployingAgainWithRecoveryAsAdvisedReturnsToTheLastDeployedRevisionFirst() throws Exception {
        EngineException e = killHelmMidUpgrade(this::failTheRestore);
        assertTrue(e.getMessage(), e.getMessage().contains("or deploy again with recoverStuckRelease: true"));

        DeployResult again = deploy("1.2", true);

        assertEquals(5, again.revision());
        assertEquals(Integer.valueOf(4), again.previousRevision());
        assertTrue(fixture.logText(), fixture.logText().contains("recovering: roll back to revision 2"));
        assertEquals("registry.example.com/shop/payments:1.2", runningImage());
    }

    @Test
    public void rollbackServiceWithoutARevisionLeavesAPendingRevisionForTheDeployedOne() throws Exception {
        killHelmMidUpgrade(this::failTheRestore);

        RollbackResult back = rollback(new RollbackRequest("payments", "stage", null, null, 0, Duration.ofSeconds(20), true));

        assertEquals(3, back.fromRevision());
        assertEquals(2, back.toRevision());
        assertEquals("registry.example.com/shop/payments:1.1", runningImage());
    }

    @Test
    public void theAdviceAfterAFailedUpgradeWithoutAtomicDoesWhatItSays() throws Exception {
        deploy("1.0", false);
        deploy("1.1", false);
        cluster.failImagesWithTag("broken");
        EngineException e = assertThrows(EngineException.class, () -> new DeployService(ports, target, "payments » main #broken")
                .run(DeployRequest.builder("payments", "stage").imageTag("broken").atomic(false).timeout(Duration.ofSeconds(6))
                        .build()));

        assertTrue(e.getMessage(), e.getMessage().endsWith("Revision 3 is failed and nothing was rolled back (atomic: false);"
                + " revision 2 is the last good one: return to it with rollbackService(service: 'payments', environment: 'stage',"
                + " toRevision: 2)."));
        assertEquals(2, runAdvisedRollback(e.getMessage()).toRevision());
        assertEquals(Optional.of("deployed v4"), cluster.releaseState("stage", "payments"));
        assertEquals("registry.example.com/shop/payments:1.1", runningImage());
    }

    @Test
    public void theAdviceForAKilledFirstInstallRemovesItAsItSays() throws Exception {
        EngineException e = killHelmOnceIn("pending-install v1", this::failTheRestoresRead);

        assertEquals(Optional.of("pending-install v1"), cluster.releaseState("stage", "payments"));
        assertTrue(e.getMessage(), e.getMessage().endsWith("Revision 1 is pending-install (helm was stopped before it finished)"
                + " and nothing was rolled back; no revision ever served: remove it with helm uninstall payments --namespace stage,"
                + " or deploy again with recoverStuckRelease: true."));
        Matcher advised = Pattern.compile("remove it with (helm uninstall [^,]*),").matcher(e.getMessage());
        assertTrue(advised.find());
        List<String> command = new ArrayList<>(List.of(advised.group(1).split(" ")));
        command.set(0, Tools.helm(helmVersion).toString());
        CommandResult uninstall = new LocalProcessRunner(fixture.workspace(), cluster.environment())
                .run(CommandLine.of(command), Duration.ofSeconds(30));
        assertEquals(uninstall.output(), 0, uninstall.exitCode());
        assertEquals(Optional.empty(), cluster.releaseState("stage", "payments"));
        assertEquals(1, deploy("1.0", false).revision());
    }

    /**
     * Revisions 1 and 2 deployed, then an upgrade whose rollout never becomes ready; once helm has
     * recorded revision 3 as pending-upgrade, {@code beforeKill} runs and helm gets SIGKILL.
     */
    private EngineException killHelmMidUpgrade(Runnable beforeKill) throws Exception {
        deploy("1.0", false);
        deploy("1.1", false);
        return killHelmOnceIn("pending-upgrade v3", beforeKill);
    }

    /** Starts a deploy whose rollout never becomes ready and SIGKILLs helm once the release is in {@code state}. */
    private EngineException killHelmOnceIn(String state, Runnable beforeKill) throws Exception {
        cluster.failImagesWithTag(STALLING_TAG).failAfter(Duration.ofMinutes(5));
        Future<DeployResult> upgrade = background.submit(() -> new DeployService(ports, target, "payments » main #stalls")
                .run(DeployRequest.builder("payments", "stage").imageTag(STALLING_TAG).timeout(Duration.ofMinutes(2)).build()));
        awaitState(state);
        beforeKill.run();
        List<ProcessHandle> killed = ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).contains("upgrade")).toList();
        assertFalse("a helm upgrade runs", killed.isEmpty());
        killed.forEach(ProcessHandle::destroyForcibly);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> upgrade.get(2, TimeUnit.MINUTES));
        cluster.faults().clear();
        assertTrue(String.valueOf(failed.getCause()), failed.getCause() instanceof EngineException);
        return (EngineException) failed.getCause();
    }

    /** helm rollback first writes the new revision's record: refusing that write makes the restore fail, changing nothing. */
    private void failTheRestore() {
        cluster.failNext(1, 500, "POST", "secrets");
    }

    /** The restore reads the history first: failing that one read makes it give up, changing nothing. */
    private void failTheRestoresRead() {
        cluster.failNext(1, 500, "GET", "secrets");
    }

    private void awaitState(String state) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (cluster.releaseState("stage", "payments").equals(Optional.of(state))) {
                Thread.sleep(200); // let helm reach its wait for readiness
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the release never reached " + state + ": " + cluster.releaseState("stage", "payments"));
    }

    /** Runs the rollbackService call a message advises, exactly as written. */
    private RollbackResult runAdvisedRollback(String message) throws InterruptedException {
        Matcher call = ROLLBACK_CALL.matcher(message);
        assertTrue("the message advises a rollbackService call: " + message, call.find());
        Map<String, String> arguments = new HashMap<>();
        for (String argument : call.group(1).split(", ")) {
            String[] nameAndValue = argument.split(": ", 2);
            arguments.put(nameAndValue[0], nameAndValue[1].replace("'", ""));
        }
        return rollback(new RollbackRequest(arguments.remove("service"), arguments.remove("environment"),
                arguments.remove("namespace"), arguments.remove("release"),
                Integer.parseInt(arguments.getOrDefault("toRevision", "0")), Duration.ofSeconds(20), true));
    }

    private RollbackResult rollback(RollbackRequest request) throws InterruptedException {
        return new RollbackService(ports, target, "payments » rollback").run(request);
    }

    private DeployResult deploy(String tag, boolean recoverStuckRelease) throws InterruptedException {
        return new DeployService(ports, target, "payments » main #" + tag)
                .run(DeployRequest.builder("payments", "stage").imageTag(tag).recoverStuckRelease(recoverStuckRelease)
                        .timeout(Duration.ofSeconds(20)).build());
    }

    private String runningImage() {
        return cluster.object("apps/v1", "Deployment", "stage", "payments").orElseThrow()
                .at("/spec/template/spec/containers/0/image").asText();
    }
}
