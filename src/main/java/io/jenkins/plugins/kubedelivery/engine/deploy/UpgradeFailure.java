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
    /**
     * How helm says it removed a failed first install: "release X failed, and has been uninstalled
     * due to atomic being set" (helm 3), "... due to rollback-on-failure being set" (helm 4). A first
     * install that helm refused before creating anything (a template error, a missing dependency)
     * leaves no release either, so the missing history alone cannot tell the two apart.
     */
    private static final String HELM_REMOVED_THE_INSTALL = "has been uninstalled";

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
            ReleaseHistory after = ReleaseHistory.read(helm, plan.release(), plan.namespace());
            outcome = outcome(RecoveryAdvice.of(plan), after, failure);
        } catch (EngineException unreadable) {
            outcome = "The release state could not be read afterwards (" + unreadable.getMessage() + ")";
        }
        return new EngineException(failure.getMessage() + ". " + outcome, failure);
    }

    private String outcome(RecoveryAdvice advice, ReleaseHistory after, ToolFailedException failure) {
        if (!after.exists()) {
            if (before.exists()) {
                return "The release no longer exists.";
            }
            return failure.output().contains(HELM_REMOVED_THE_INSTALL)
                    ? "Nothing is left installed: helm removed the failed first install (atomic)."
                    : "Nothing was installed: helm stopped before creating the release.";
        }
        ReleaseRevision latest = after.latest().orElseThrow();
        if (latest.status() == ReleaseStatus.DEPLOYED && latest.revision() >= before.nextRevision()) {
            return rolledBackTo(latest).map(r -> "Rolled back automatically: revision " + latest.revision()
                    + " now runs the content of revision " + r + ".")
                    .orElse("Revision " + latest.revision() + " is deployed: the upgrade went through although helm's exit"
                            + " status said otherwise.");
        }
        if (latest.status() == ReleaseStatus.DEPLOYED) {
            return "Revision " + latest.revision() + " still runs; nothing was changed.";
        }
        boolean pending = latest.status().isPending();
        String state = "Revision " + latest.revision() + " is " + latest.status().helmName()
                + (pending ? " (helm was stopped before it finished)" : "") + " and nothing was rolled back"
                + (plan.atomic() || pending ? "" : " (atomic: false)");
        Optional<ReleaseRevision> lastGood = after.lastGoodBeforeLatest();
        String alternative = pending ? ", or " + RecoveryAdvice.redeployRecovering() : "";
        if (lastGood.isPresent()) {
            return state + "; revision " + lastGood.get().revision() + " is the last good one: return to it with "
                    + advice.rollbackTo(lastGood.get().revision()) + alternative + ".";
        }
        return state + (pending ? "; no revision ever served: remove it with " + advice.uninstall() + alternative : "") + ".";
    }

    /** Helm describes a rollback revision as "Rollback to N". */
    private static Optional<Integer> rolledBackTo(ReleaseRevision revision) {
        String description = revision.description() == null ? "" : revision.description();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Rollback to (\\d+)").matcher(description);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
