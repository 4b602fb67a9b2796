package io.jenkins.plugins.kubedelivery.engine.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.ScriptedRunner;
import java.time.Duration;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

public class RollbackServiceTest {
    @Rule
    public final EngineFixture fixture = new EngineFixture();

    /** helm's records hold nothing of the release in most tests here, so helm history answers, as where records are kept elsewhere. */
    private final ScriptedRunner runner = new ScriptedRunner().answer("kubectl get secrets", 0, "[null]");

    private RollbackResult rollback(int toRevision) throws InterruptedException {
        return new RollbackService(fixture.ports(runner), ClusterTarget.inCluster(), "payments » release #3").run(
                new RollbackRequest("payments", "prod", null, null, toRevision, Duration.ofMinutes(2), true));
    }

    @Test
    public void returnsToThePreviousRevisionWithOneHelmCallAfterTheHistory() throws Exception {
        runner.answerFromResource("helm history", 0, "helm-output/history-deployed-3.json").answer("helm rollback", 0, "Rollback was a success!\n");
        RollbackResult result = rollback(0);
        assertEquals(List.of("kubectl get secrets", "helm history", "helm rollback"), runner.verbs());
        assertEquals(List.of("helm", "rollback", "payments", "2", "--namespace", "prod", "--timeout", "120s", "--wait"),
                runner.commands().get(2).arguments());
        assertEquals(3, result.fromRevision());
        assertEquals(2, result.toRevision());
        assertEquals(4, result.revision());
        assertEquals("prod", result.toMap().get("namespace"));
    }

    /**
     * Where helm's records hold the release, their one read chooses the target and the rollback starts
     * next; helm history names the target's chart for the last line while the rollback runs.
     */
    @Test
    public void theRecordsChooseTheTargetAndTheRollbackIsTheNextCommand() throws Exception {
        ScriptedRunner records = new ScriptedRunner().answer("kubectl get secrets", 0, "[{\"name\":\"payments\",\"owner\":\"helm\","
                + "\"status\":\"superseded\",\"version\":\"1\"},{\"name\":\"payments\",\"owner\":\"helm\",\"status\":\"superseded\","
                + "\"version\":\"2\"},{\"name\":\"payments\",\"owner\":\"helm\",\"status\":\"deployed\",\"version\":\"3\"},null]")
                .answerFromResource("helm history", 0, "helm-output/history-deployed-3.json").answer("helm rollback", 0, "ok\n")
                .holdUntilStarted("helm history", "helm rollback");
        RollbackResult result = new RollbackService(fixture.ports(records), ClusterTarget.inCluster(), "t").run(
                new RollbackRequest("payments", "prod", null, null, 0, Duration.ofMinutes(2), true));
        assertEquals(List.of("kubectl get secrets", "helm rollback", "helm history"), records.verbs());
        assertEquals(2, result.toRevision());
        assertEquals(4, result.revision());
        String chart = "(payments-0.3.1, app 1.4.0)";
        assertTrue(fixture.logText(), fixture.logText().contains("Rolled back payments to revision 2 " + chart + " as revision 4 in "));
    }

    @Test
    public void skipsFailedRevisions() throws Exception {
        runner.answerFromResource("helm history", 0, "helm-output/history-after-auto-rollback.json").answer("helm rollback", 0, "ok\n");
        RollbackResult result = rollback(0);
        assertEquals(5, result.fromRevision());
        assertEquals(3, result.toRevision());
        assertEquals(6, result.revision());
    }

    @Test
    public void goesToANamedRevision() throws Exception {
        runner.answerFromResource("helm history", 0, "helm-output/history-deployed-3.json").answer("helm rollback", 0, "ok\n");
        assertEquals(1, rollback(1).toRevision());
    }

    @Test
    public void fromAPendingRevisionThePreviousOneIsTheRevisionStillDeployed() throws Exception {
        runner.answerFromResource("helm history", 0, "helm-output/history-pending-upgrade.json").answer("helm rollback", 0, "ok\n");
        RollbackResult result = rollback(0);
        assertEquals(4, result.fromRevision());
        assertEquals(3, result.toRevision());
        assertEquals("3", runner.commands().get(2).arguments().get(3));
    }

    @Test
    public void theRevisionStillDeployedBehindAPendingOneCanBeNamed() throws Exception {
        runner.answerFromResource("helm history", 0, "helm-output/history-pending-upgrade.json").answer("helm rollback", 0, "ok\n");
        assertEquals(3, rollback(3).toRevision());
    }

    @Test
    public void refusesTheLatestRevisionItself() {
        runner.answerFromResource("helm history", 0, "helm-output/history-pending-upgrade.json");
        ValidationException e = assertThrows(ValidationException.class, () -> rollback(4));
        assertEquals("toRevision", e.parameter());
        assertTrue(e.getMessage(), e.getMessage().contains("revision 4 is the latest (pending-upgrade)"));
        assertEquals(List.of("kubectl get secrets", "helm history"), runner.verbs());
    }

    @Test
    public void refusesARevisionThatIsNotInTheHistory() {
        runner.answerFromResource("helm history", 0, "helm-output/history-deployed-3.json");
        ValidationException e = assertThrows(ValidationException.class, () -> rollback(9));
        assertEquals("toRevision", e.parameter());
        assertTrue(e.getMessage(), e.getMessage().contains("revisions 1 to 3"));
        assertEquals(List.of("kubectl get secrets", "helm history"), runner.verbs());
    }

    @Test
    public void aMissingReleaseIsAClearFailure() {
        runner.answer("helm history", 1, "Error: release: not found\n");
        EngineException e = assertThrows(EngineException.class, () -> rollback(0));
        assertEquals("release 'payments' does not exist in namespace 'prod': nothing to roll back", e.getMessage());
    }

    @Test
    public void aFailedRollbackCarriesHelmsReason() {
        runner.answerFromResource("helm history", 0, "helm-output/history-deployed-3.json")
                .answer("helm rollback", 1, "Error: timed out waiting for the condition\n");
        EngineException e = assertThrows(EngineException.class, () -> rollback(0));
        assertEquals("helm rollback exited 1: Error: timed out waiting for the condition", e.getMessage());
    }
}
