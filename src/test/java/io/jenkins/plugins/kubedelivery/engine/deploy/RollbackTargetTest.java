package io.jenkins.plugins.kubedelivery.engine.deploy;

import static io.jenkins.plugins.kubedelivery.engine.model.ReleaseStatus.DEPLOYED;
import static io.jenkins.plugins.kubedelivery.engine.model.ReleaseStatus.FAILED;
import static io.jenkins.plugins.kubedelivery.engine.model.ReleaseStatus.PENDING_UPGRADE;
import static io.jenkins.plugins.kubedelivery.engine.model.ReleaseStatus.SUPERSEDED;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseStatus;
import java.util.List;
import org.junit.Test;

/** Which revision a rollback returns to, from the history and the revision asked for alone: no helm. */
public class RollbackTargetTest {
    private static ReleaseRevision revision(int number, ReleaseStatus status) {
        return new ReleaseRevision(number, status, "payments-1." + number + ".0", "1." + number, null, "");
    }

    private static RollbackTarget choose(ReleaseHistory history, int toRevision) {
        return RollbackTarget.choose(history, toRevision, "payments", "prod");
    }

    @Test
    public void byDefaultReturnsToTheNewestGoodRevisionBeforeTheLatest() {
        ReleaseHistory history = new ReleaseHistory(List.of(revision(1, SUPERSEDED), revision(2, SUPERSEDED), revision(3, DEPLOYED)));
        RollbackTarget target = choose(history, 0);
        assertEquals(3, target.from().revision());
        assertEquals(2, target.to().revision());
    }

    @Test
    public void afterAFailedOrPendingUpgradeReturnsToTheRevisionStillDeployed() {
        ReleaseHistory failed = new ReleaseHistory(List.of(revision(1, SUPERSEDED), revision(2, DEPLOYED), revision(3, FAILED)));
        assertEquals(2, choose(failed, 0).to().revision());
        ReleaseHistory pending = new ReleaseHistory(List.of(revision(1, DEPLOYED), revision(2, FAILED), revision(3, PENDING_UPGRADE)));
        RollbackTarget target = choose(pending, 0);
        assertEquals(3, target.from().revision());
        assertEquals(1, target.to().revision());
    }

    @Test
    public void returnsToTheRevisionAskedFor() {
        ReleaseHistory history = new ReleaseHistory(List.of(revision(1, SUPERSEDED), revision(2, SUPERSEDED), revision(3, DEPLOYED)));
        assertEquals(revision(1, SUPERSEDED), choose(history, 1).to());
    }

    @Test
    public void refusesARevisionNotInTheHistoryOrTheLatest() {
        ReleaseHistory history = new ReleaseHistory(List.of(revision(4, SUPERSEDED), revision(5, DEPLOYED)));
        ValidationException missing = assertThrows(ValidationException.class, () -> choose(history, 2));
        assertEquals("toRevision", missing.parameter());
        assertEquals("toRevision: revision 2 is not in the history of 'payments' (revisions 4 to 5)", missing.getMessage());
        ValidationException latest = assertThrows(ValidationException.class, () -> choose(history, 5));
        assertEquals("toRevision: revision 5 is the latest (deployed), the one a rollback leaves; name an earlier one",
                latest.getMessage());
    }

    @Test
    public void saysWhenThereIsNothingToReturnTo() {
        EngineException none = assertThrows(EngineException.class, () -> choose(new ReleaseHistory(List.of()), 0));
        assertEquals("release 'payments' does not exist in namespace 'prod': nothing to roll back", none.getMessage());
        EngineException firstOnly = assertThrows(EngineException.class, () -> choose(new ReleaseHistory(List.of(revision(1, DEPLOYED))), 0));
        assertEquals("release 'payments' has no successful revision before revision 1 to return to", firstOnly.getMessage());
    }
}
