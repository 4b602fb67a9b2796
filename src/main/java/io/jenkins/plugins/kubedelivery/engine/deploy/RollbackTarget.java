package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;

/**
 * Which revision a rollback leaves and which it returns to: a pure function of the release history
 * and the revision asked for, decided before the one {@code helm rollback}.
 *
 * @param from the latest revision, what is left even when it failed or is pending
 * @param to the revision whose content runs again
 */
public record RollbackTarget(ReleaseRevision from, ReleaseRevision to) {
    /**
     * @param toRevision the revision asked for, or {@code 0} for the newest good one before the latest
     * @throws EngineException when the release has no history, or no good revision to return to
     * @throws ValidationException naming {@code toRevision} when it is not in the history or is the latest
     */
    public static RollbackTarget choose(ReleaseHistory history, int toRevision, String release, String namespace) {
        // the latest revision is what is left, even when it failed or is pending: the deployed one before it is "previous"
        ReleaseRevision from = history.latest().orElseThrow(() -> new EngineException(
                "release '" + release + "' does not exist in namespace '" + namespace + "': nothing to roll back"));
        return new RollbackTarget(from, to(history, from, toRevision, release));
    }

    private static ReleaseRevision to(ReleaseHistory history, ReleaseRevision from, int toRevision, String release) {
        if (toRevision > 0) {
            ReleaseRevision asked = history.find(toRevision).orElseThrow(() -> new ValidationException("toRevision",
                    "revision " + toRevision + " is not in the history of '" + release + "' (revisions "
                            + history.revisions().get(0).revision() + " to " + history.latest().orElseThrow().revision() + ")"));
            if (asked.revision() == from.revision()) {
                throw new ValidationException("toRevision", "revision " + toRevision + " is the latest (" + from.status().helmName()
                        + "), the one a rollback leaves; name an earlier one");
            }
            return asked;
        }
        return history.lastGoodBeforeLatest().orElseThrow(() -> new EngineException("release '" + release
                + "' has no successful revision before revision " + from.revision() + " to return to"));
    }
}
