package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.cli.MissingTool;
import io.jenkins.plugins.kubedelivery.engine.cli.ToolFailedException;
import java.util.Optional;

/**
 * What helm's server-side dry run of a first install does not check: whether the cluster accepts
 * the install's first write, the release record helm stores as a Secret in the namespace. A
 * missing namespace (without createNamespace), a forbidden or over-quota namespace refuse it. The
 * API server is asked with {@code dryRun=All} for exactly that Secret, so nothing is stored.
 */
final class FirstInstallProbe {
    private final KubectlClient kubectl;
    private final EngineLog log;

    FirstInstallProbe(KubectlClient kubectl, EngineLog log) {
        this.kubectl = kubectl;
        this.log = log;
    }

    /** helm's name for the Secret holding a release's revision (its default storage driver). */
    static String releaseRecord(String release, int revision) {
        return "sh.helm.release.v1." + release + ".v" + revision;
    }

    /** @throws EngineException with the API server's reason when the install's first write would be refused */
    void check(String release, String namespace) throws InterruptedException {
        try {
            kubectl.serverDryRunCreateSecret(releaseRecord(release, 1), namespace);
        } catch (EngineException failed) {
            Optional<String> missing = MissingTool.why(failed, "kubectl");
            if (missing.isPresent()) {
                notChecked(namespace, missing.get());
                return;
            }
            if (failed instanceof ToolFailedException refused) {
                throw new EngineException("the install would be refused: the cluster does not accept helm's release record in"
                        + " namespace '" + namespace + "' (" + refused.getMessage() + "). A missing namespace needs"
                        + " createNamespace: true", refused);
            }
            throw failed;
        }
    }

    private void notChecked(String namespace, String why) {
        log.line("Note: could not ask the cluster whether it accepts an install into namespace '" + namespace + "' (" + why
                + "); helm's dry run does not check that the namespace exists");
    }
}
