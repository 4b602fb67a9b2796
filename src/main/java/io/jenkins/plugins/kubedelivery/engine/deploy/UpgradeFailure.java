package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.ToolFailedException;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseStatus;
import java.util.Optional;

/**
 * Turns a failed upgrade into the message a person needs: helm's reason, then what state the
 * release is in now (rolled back automatically and to which revision, removed, or left failed).
 * Reads the history once, and only on failure.
 */
final class UpgradeFailure {
    private final HelmClient helm;
    private final DeployPlan plan;
    private final ReleaseHistory before;

    UpgradeFailure(HelmClient helm, DeployPlan plan, ReleaseHistory before) {
        this.helm = helm;
        this.plan = plan;
        this.before = before;
    }

    EngineException explain(ToolFailedException failure) throws InterruptedException {
        String outcome;
        try {
            outcome = outcome(new ReleaseHistory(helm.history(plan.release(), plan.namespace(), ReleaseHistory.WINDOW)));
        } catch (EngineException unreadable) {
            outcome = "The release state could not be read afterwards (" + unreadable.getMessage() + ")";
        }
        return new EngineException(failure.getMessage() + ". " + outcome, failure);
    }

    private String outcome(ReleaseHistory after) {
        if (!after.exists()) {
            return before.exists() ? "The release no longer exists."
                    : "Nothing is left installed: the failed first install was removed" + (plan.atomic() ? " (atomic)." : ".");
        }
        ReleaseRevision latest = after.latest().orElseThrow();
        if (latest.status() == ReleaseStatus.DEPLOYED && latest.revision() >= before.nextRevision()) {
            return "Rolled back automatically: revision " + latest.revision() + " now runs "
                    + rolledBackTo(latest).map(r -> "the content of revision " + r).orElse("the previous content") + ".";
        }
        if (latest.status() == ReleaseStatus.DEPLOYED) {
            return "Revision " + latest.revision() + " still runs; nothing was changed.";
        }
        Optional<ReleaseRevision> serving = after.deployed();
        return "Revision " + latest.revision() + " is " + latest.status().helmName() + " and nothing was rolled back"
                + (plan.atomic() ? "" : " (atomic: false)") + serving.map(r -> "; revision " + r.revision() + " is the last deployed,"
                + " return to it with rollbackService").orElse("") + ".";
    }

    /** Helm describes a rollback revision as "Rollback to N". */
    private static Optional<Integer> rolledBackTo(ReleaseRevision revision) {
        String description = revision.description() == null ? "" : revision.description();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Rollback to (\\d+)").matcher(description);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
