package io.jenkins.plugins.kubedelivery.engine.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandTimeoutException;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.ScriptedRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Rule;
import org.junit.Test;

/** deployService's logic, replaying helm's real JSON answers. */
public class DeployServiceTest {
    private static final String NOT_FOUND = "Error: release: not found\n";
    private static final ClusterTarget CLUSTER = new ClusterTarget("/tmp/kd/kubeconfig", null, "stage-cluster");

    @Rule
    public final EngineFixture fixture = new EngineFixture();

    /** helm's own refusal of a pending release, the same in helm 3 and 4. */
    private static final String PENDING_REFUSED = "Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress\n";

    /**
     * The history is read while the upgrade runs; each upgrade here waits until it has been
     * answered, so that the history answers below go to the reads they are written for.
     */
    private final ScriptedRunner runner = new ScriptedRunner().answer("helm version", 0, "v3.17.3+ge4da497\n")
            .holdUntilStarted("helm upgrade", "helm history");

    private DeployResult deploy(DeployRequest request) throws InterruptedException {
        return new DeployService(fixture.ports(runner), CLUSTER, "payments » main #7").run(request);
    }

    @Test
    public void firstInstallLayersValuesAndReturnsTheResultMap() throws Exception {
        runner.answer("helm history", 1, NOT_FOUND).answerFromResource("helm upgrade", 0, "helm-output/upgrade-first-install.json");
        DeployResult result = deploy(DeployRequest.builder("payments", "stage").imageTag("abc123").build());

        assertEquals(List.of("helm version", "helm history", "helm upgrade"), runner.verbsVersionFirst());
        List<String> upgrade = runner.commands().get(2).arguments();
        String stageValues = fixture.workspace().resolve("helm/payments/values.stage.yaml").toString();
        int stageAt = upgrade.indexOf(stageValues);
        assertTrue(upgrade.toString(), stageAt > 0 && upgrade.get(stageAt - 1).equals("--values"));
        Path generated = Path.of(upgrade.get(upgrade.lastIndexOf("--values") + 1));
        assertTrue("generated values come last", upgrade.lastIndexOf("--values") > stageAt);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(generated)));
        assertTrue(Files.readString(generated).contains("\"tag\": \"abc123\""));
        assertTrue(generated.startsWith(fixture.staging().directory()));

        Map<String, Object> map = result.toMap();
        assertEquals("payments", map.get("release"));
        assertEquals("stage", map.get("namespace"));
        assertEquals("payments", map.get("chart"));
        assertEquals("0.3.1", map.get("chartVersion"));
        assertEquals("1.4.0", map.get("appVersion"));
        assertEquals(1, map.get("revision"));
        assertNull(map.get("previousRevision"));
        assertEquals("deployed", map.get("status"));
        assertEquals("v3.17.3+ge4da497", map.get("helmVersion"));
        assertTrue(map.containsKey("durationMillis"));
    }

    @Test
    public void upgradeReportsThePreviousRevision() throws Exception {
        runner.answerFromResource("helm history", 0, "helm-output/history-deployed-3.json")
                .answerFromResource("helm upgrade", 0, "helm-output/upgrade-revision-4.json");
        DeployResult result = deploy(DeployRequest.builder("payments", "stage").build());
        assertEquals(4, result.revision());
        assertEquals(Integer.valueOf(3), result.previousRevision());
        assertTrue(fixture.logText(), fixture.logText().contains("Deployed payments revision 4"));
    }

    @Test
    public void failedUpgradeSaysHelmsReasonAndWhereItRolledBack() {
        runner.answerFromResource("helm history", 0, "helm-output/history-deployed-3.json")
                .answerFromResource("helm history", 0, "helm-output/history-after-auto-rollback.json")
                .answer("helm upgrade", 1, "Error: UPGRADE FAILED: release payments failed, and has been rolled back due to"
                        + " atomic being set: context deadline exceeded\n");
        EngineException e = assertThrows(EngineException.class, () -> deploy(DeployRequest.builder("payments", "stage").build()));
        assertTrue(e.getMessage(), e.getMessage().startsWith("helm upgrade exited 1: Error: UPGRADE FAILED"));
        assertTrue(e.getMessage(), e.getMessage().contains("context deadline exceeded"));
        assertTrue(e.getMessage(), e.getMessage().contains("Rolled back automatically: revision 5 now runs the content of revision 3."));
    }

    @Test
    public void lostExitStatusIsAFailureThatSaysSo() {
        runner.answer("helm history", 1, NOT_FOUND).answer("helm upgrade", -1, "Release \"payments\" has been upgraded.\n");
        EngineException e = assertThrows(EngineException.class, () -> deploy(DeployRequest.builder("payments", "stage").build()));
        assertTrue(e.getMessage(), e.getMessage().contains("the exit status was lost"));
    }

    @Test
    public void stuckReleaseIsReportedWithItsAgeAndTheExactRecovery() {
        runner.answerFromResource("helm history", 0, "helm-output/history-pending-upgrade.json")
                .answer("helm upgrade", 1, PENDING_REFUSED);
        EngineException e = assertThrows(EngineException.class, () -> deploy(DeployRequest.builder("payments", "stage").build()));
        assertTrue(e.getMessage(), e.getMessage().contains("stuck in pending-upgrade (revision 4, since 2026-11-22T09:48:00.500Z, 13m 59s ago"));
        assertTrue(e.getMessage(), e.getMessage().contains("recoverStuckRelease: true to roll back to revision 3"));
        assertTrue(e.getMessage(), e.getMessage().contains("or run: rollbackService(service: 'payments', environment: 'stage', toRevision: 3)"));
        assertEquals("helm refused the pending release, its history was read again for the age, and nothing else ran",
                List.of("helm version", "helm history", "helm upgrade", "helm history"), runner.verbsVersionFirst());
    }

    @Test
    public void stuckReleaseIsRolledBackThenUpgradedWhenAskedTo() throws Exception {
        runner.answerFromResource("helm history", 0, "helm-output/history-pending-upgrade.json")
                .answerFromResource("helm history", 0, "helm-output/history-pending-upgrade.json")
                .answerFromResource("helm history", 0, "helm-output/history-after-auto-rollback.json")
                .answer("helm rollback", 0, "Rollback was a success! Happy Helming!\n")
                .answer("helm upgrade", 1, PENDING_REFUSED)
                .answerFromResource("helm upgrade", 0, "helm-output/upgrade-revision-4.json");
        deploy(DeployRequest.builder("payments", "stage").recoverStuckRelease(true).build());
        assertEquals(List.of("helm version", "helm history", "helm upgrade", "helm history", "helm rollback", "helm history",
                "helm upgrade"), runner.verbsVersionFirst());
        assertEquals("3", runner.commands().get(4).arguments().get(3));
    }

    @Test
    public void neverDeployedStuckReleaseIsUninstalled() throws Exception {
        runner.answerFromResource("helm history", 0, "helm-output/history-pending-install.json")
                .answerFromResource("helm history", 0, "helm-output/history-pending-install.json")
                .answer("helm history", 1, NOT_FOUND)
                .answer("helm uninstall", 0, "release \"payments\" uninstalled\n")
                .answer("helm upgrade", 1, PENDING_REFUSED)
                .answerFromResource("helm upgrade", 0, "helm-output/upgrade-first-install.json");
        DeployResult result = deploy(DeployRequest.builder("payments", "stage").recoverStuckRelease(true).build());
        assertEquals(List.of("helm version", "helm history", "helm upgrade", "helm history", "helm uninstall", "helm history",
                "helm upgrade"), runner.verbsVersionFirst());
        assertNull(result.previousRevision());
    }

    /** helm is asked its version while the history is read, not before it. */
    @Test
    public void theVersionIsAskedWhileTheHistoryIsRead() throws Exception {
        runner.answerFromResource("helm history", 0, "helm-output/history-deployed-3.json")
                .answerFromResource("helm upgrade", 0, "helm-output/upgrade-first-install.json")
                .holdUntilStarted("helm version", "helm history");

        DeployResult result = deploy(DeployRequest.builder("payments", "stage").build());

        assertEquals("v3.17.3+ge4da497", result.helmVersion());
        assertEquals(List.of("helm version", "helm history", "helm upgrade"), runner.verbsVersionFirst());
    }

    /**
     * The upgrade does not wait for the history: helm itself refuses a pending release, so the
     * history is read while the upgrade runs and only names the previous revision afterwards.
     */
    @Test
    public void theHistoryIsReadWhileTheUpgradeRuns() throws Exception {
        ScriptedRunner upgradeFirst = new ScriptedRunner().answer("helm version", 0, "v3.17.3+ge4da497\n")
                .answerFromResource("helm history", 0, "helm-output/history-deployed-3.json")
                .answerFromResource("helm upgrade", 0, "helm-output/upgrade-revision-4.json")
                .holdUntilStarted("helm history", "helm upgrade");

        DeployResult result = new DeployService(fixture.ports(upgradeFirst), CLUSTER, "t").run(DeployRequest.builder("payments", "stage").build());

        assertEquals(List.of("helm version", "helm upgrade", "helm history"), upgradeFirst.verbsVersionFirst());
        assertEquals(4, result.revision());
        assertEquals(Integer.valueOf(3), result.previousRevision());
    }

    /** A history read after the upgrade ended already shows the new revision deployed: the previous one is still named. */
    @Test
    public void thePreviousRevisionIsNamedWhenTheHistoryAlreadyShowsTheUpgrade() throws Exception {
        runner.answerFromResource("helm history", 0, "helm-output/history-after-upgrade-4.json")
                .answerFromResource("helm upgrade", 0, "helm-output/upgrade-revision-4.json");
        DeployResult result = deploy(DeployRequest.builder("payments", "stage").build());
        assertEquals(Integer.valueOf(3), result.previousRevision());
    }

    @Test
    public void abortMidUpgradeRestoresTheRelease() throws Exception {
        runner.answerFromResource("helm history", 0, "helm-output/history-deployed-3.json")
                .answerFromResource("helm history", 0, "helm-output/history-pending-upgrade.json")
                .answer("helm rollback", 0, "Rollback was a success! Happy Helming!\n")
                .hangUntilInterrupted("helm upgrade");
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                deploy(DeployRequest.builder("payments", "stage").build());
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        worker.start();
        while (!runner.verbs().contains("helm upgrade")) {
            Thread.sleep(5);
        }
        worker.interrupt();
        worker.join(10_000);
        assertTrue(String.valueOf(outcome.get()), outcome.get() instanceof InterruptedException);
        assertEquals(List.of("helm version", "helm history", "helm upgrade", "helm history", "helm rollback"), runner.verbsVersionFirst());
        assertTrue(fixture.logText(), fixture.logText().contains("restored after the interruption"));
    }

    @Test
    public void anUpgradeKilledAtItsTimeoutIsRestoredToo() {
        CommandRunner timingOut = (command, timeout) -> {
            if (ScriptedRunner.verb(command).equals("helm upgrade")) {
                runner.run(command, timeout);
                throw new CommandTimeoutException("helm upgrade did not finish within 6m and was killed");
            }
            return runner.run(command, timeout);
        };
        runner.answerFromResource("helm history", 0, "helm-output/history-deployed-3.json")
                .answerFromResource("helm history", 0, "helm-output/history-pending-upgrade.json")
                .answer("helm rollback", 0, "Rollback was a success! Happy Helming!\n")
                .answer("helm upgrade", 0, "");
        EngineException e = assertThrows(EngineException.class, () -> new DeployService(fixture.ports(timingOut), CLUSTER, "t")
                .run(DeployRequest.builder("payments", "stage").build()));
        assertTrue(e.getMessage(), e.getMessage().contains("did not finish within 6m"));
        assertEquals(List.of("helm version", "helm history", "helm upgrade", "helm history", "helm rollback"), runner.verbsVersionFirst());
    }

    @Test
    public void anUpgradeWhoseExitStatusWasLostIsRestoredBeforeItIsExplained() {
        runner.answerFromResource("helm history", 0, "helm-output/history-deployed-3.json")
                .answerFromResource("helm history", 0, "helm-output/history-pending-upgrade.json")
                .answer("helm rollback", 0, "Rollback was a success! Happy Helming!\n")
                .answerFromResource("helm history", 0, "helm-output/history-after-auto-rollback.json")
                .answer("helm upgrade", -1, "");
        EngineException e = assertThrows(EngineException.class, () -> deploy(DeployRequest.builder("payments", "stage").build()));
        assertTrue(e.getMessage(), e.getMessage().startsWith("helm upgrade: the exit status was lost"));
        assertEquals(List.of("helm version", "helm history", "helm upgrade", "helm history", "helm rollback", "helm history"),
                runner.verbsVersionFirst());
    }

    @Test
    public void anUpgradeThatFailedByItselfIsNotRestored() {
        runner.answerFromResource("helm history", 0, "helm-output/history-deployed-3.json")
                .answer("helm upgrade", 1, "Error: UPGRADE FAILED: context deadline exceeded\n");
        assertThrows(EngineException.class, () -> deploy(DeployRequest.builder("payments", "stage").build()));
        assertEquals(List.of("helm version", "helm history", "helm upgrade", "helm history"), runner.verbsVersionFirst());
    }

    /** The labels of payments' records (revisions 1 and 2 superseded, 3 deployed) and of no canary. */
    private static final String RECORDS = "[{\"name\":\"payments\",\"owner\":\"helm\",\"status\":\"superseded\",\"version\":\"1\"},"
            + "{\"name\":\"payments\",\"owner\":\"helm\",\"status\":\"superseded\",\"version\":\"2\"},"
            + "{\"name\":\"payments\",\"owner\":\"helm\",\"status\":\"deployed\",\"version\":\"3\"},null]";

    /** A guard with a release beside payments to look at, as deployService's canary look; it keeps the labels it was given. */
    private static final class LooksBeside implements ReleaseGuard {
        final List<Optional<Map<String, String>>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public List<String> releasesBeside(String release) {
            return List.of(release + "-canary");
        }

        @Override
        public void beforeChange(String release, String namespace, ReleaseRecords records, Duration timeout, Change change)
                throws InterruptedException {
            seen.add(records.latestLabels(release + "-canary"));
        }
    }

    private static ScriptedRunner withRecords(String records) {
        return new ScriptedRunner().answer("helm version", 0, "v3.17.3+ge4da497\n").answer("kubectl get secrets", 0, records);
    }

    private DeployResult deployLookingBeside(ScriptedRunner runner, LooksBeside guard) throws InterruptedException {
        return new DeployService(fixture.ports(runner), CLUSTER, "t", guard).run(DeployRequest.builder("payments", "stage").build());
    }

    /**
     * With a release beside it to look at, one read of helm's records of both (while helm is asked its
     * version) answers the guard and the release's history: the upgrade is the next command, and no
     * helm history runs before, during or after it.
     */
    @Test
    public void oneReadOfTheRecordsServesTheGuardAndTheHistory() throws Exception {
        ScriptedRunner records = withRecords(RECORDS).answerFromResource("helm upgrade", 0, "helm-output/upgrade-revision-4.json")
                .holdUntilStarted("helm version", "kubectl get secrets");
        LooksBeside guard = new LooksBeside();

        DeployResult result = deployLookingBeside(records, guard);

        assertEquals(List.of("helm version", "kubectl get secrets", "helm upgrade"), records.verbsVersionFirst());
        assertEquals(List.of(Optional.empty()), guard.seen);
        assertEquals(4, result.revision());
        assertEquals(Integer.valueOf(3), result.previousRevision());
        assertEquals(List.of("kubectl", "get", "secrets", "--namespace", "stage", "--selector", "owner=helm,name in (payments,payments-canary)",
                "--output", "jsonpath=[{range .items[*]}{.metadata.labels},{end}null]", "--kubeconfig", "/tmp/kd/kubeconfig"),
                records.commands().stream().filter(c -> ScriptedRunner.verb(c).equals("kubectl get secrets")).findFirst().orElseThrow()
                        .arguments());
    }

    /** Where the records hold nothing of the release (a first install, or records kept elsewhere), helm history answers before the upgrade. */
    @Test
    public void whereTheRecordsHoldNothingHelmHistoryAnswersBeforeTheUpgrade() throws Exception {
        ScriptedRunner records = withRecords("[null]").answer("helm history", 1, NOT_FOUND)
                .answer("helm upgrade", 1, "Error: INSTALLATION FAILED: release payments failed, and has been uninstalled due to atomic"
                        + " being set: context deadline exceeded\n");
        EngineException e = assertThrows(EngineException.class, () -> deployLookingBeside(records, new LooksBeside()));
        assertTrue(e.getMessage(), e.getMessage().endsWith("Nothing is left installed: helm removed the failed first install (atomic)."));
        assertEquals(List.of("helm version", "kubectl get secrets", "helm history", "helm upgrade", "helm history"),
                records.verbsVersionFirst());
    }

    /** A failure is explained from the records read before the upgrade and helm's history after it. */
    @Test
    public void aFailedUpgradeOfAReleaseTheRecordsHoldIsExplainedTheSameWay() {
        ScriptedRunner records = withRecords(RECORDS).answerFromResource("helm history", 0, "helm-output/history-after-auto-rollback.json")
                .answer("helm upgrade", 1, "Error: UPGRADE FAILED: release payments failed, and has been rolled back due to"
                        + " atomic being set: context deadline exceeded\n");
        EngineException e = assertThrows(EngineException.class, () -> deployLookingBeside(records, new LooksBeside()));
        assertTrue(e.getMessage(), e.getMessage().contains("Rolled back automatically: revision 5 now runs the content of revision 3."));
        assertEquals(List.of("helm version", "kubectl get secrets", "helm upgrade", "helm history"), records.verbsVersionFirst());
    }

    /** The records carry no age: a release they show pending is reported with the age helm history gives after helm's refusal. */
    @Test
    public void aStuckReleaseTheRecordsHoldIsReportedWithItsAge() {
        ScriptedRunner records = withRecords(RECORDS.replace(",null]", ",{\"name\":\"payments\",\"owner\":\"helm\","
                + "\"status\":\"pending-upgrade\",\"version\":\"4\"},null]"))
                .answerFromResource("helm history", 0, "helm-output/history-pending-upgrade.json").answer("helm upgrade", 1, PENDING_REFUSED);
        EngineException e = assertThrows(EngineException.class, () -> deployLookingBeside(records, new LooksBeside()));
        assertTrue(e.getMessage(), e.getMessage().contains("stuck in pending-upgrade (revision 4, since 2026-11-22T09:48:00.500Z, 13m 59s ago"));
        assertEquals(List.of("helm version", "kubectl get secrets", "helm upgrade", "helm history"), records.verbsVersionFirst());
    }

    /** In a container without kubectl, helm answers the guard and the history, as it did before the records were read. */
    @Test
    public void withoutKubectlHelmAnswersTheGuardAndTheHistory() throws Exception {
        ScriptedRunner helmOnly = new ScriptedRunner().answer("helm version", 0, "v3.17.3+ge4da497\n")
                .answer("kubectl get secrets", 127, "sh: kubectl: not found\n")
                .answer("helm history", 0, "[]\n").answerFromResource("helm upgrade", 0, "helm-output/upgrade-first-install.json");
        LooksBeside guard = new LooksBeside();
        DeployResult result = deployLookingBeside(helmOnly, guard);
        assertEquals(List.of(Optional.empty()), guard.seen);
        assertEquals(1, result.revision());
        assertEquals(List.of("helm version", "kubectl get secrets", "helm history", "helm history", "helm upgrade"),
                helmOnly.verbsVersionFirst());
    }

    @Test
    public void secretValuesTravelOnlyInTheStagedFile() throws Exception {
        String secret = "s3cr3t-Pa55,word=with\nnewline";
        runner.answer("helm history", 1, NOT_FOUND).answerFromResource("helm upgrade", 0, "helm-output/upgrade-first-install.json");
        deploy(DeployRequest.builder("payments", "stage").secretValues(Map.of("db.password", secret)).build());
        for (CommandLine command : runner.commands()) {
            assertFalse(command.toString(), command.toString().contains("s3cr3t"));
        }
        assertFalse(fixture.logText().contains("s3cr3t"));
        assertTrue(fixture.logText(), fixture.logText().contains("secret values for db.password (masked in every output)"));
        try (var files = Files.list(fixture.staging().directory())) {
            String staged = Files.readString(files.findFirst().orElseThrow());
            assertTrue(staged, staged.contains("\"password\": \"s3cr3t-Pa55,word=with\\nnewline\""));
        }
    }
}
