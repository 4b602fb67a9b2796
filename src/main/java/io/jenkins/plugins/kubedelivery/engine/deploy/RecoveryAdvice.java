package io.jenkins.plugins.kubedelivery.engine.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands a failure message suggests for putting a release right, written as a person pastes
 * them: a step call with its arguments, so the advice names exactly what it does (tests run each
 * one). Arguments that equal their defaults are left out.
 */
record RecoveryAdvice(String service, String environment, String namespace, String release) {
    static RecoveryAdvice of(DeployPlan plan) {
        return new RecoveryAdvice(plan.service(), plan.environment(), plan.namespace(), plan.release());
    }

    /** A rollbackService call that returns the release to {@code revision}. */
    String rollbackTo(int revision) {
        List<String> arguments = new ArrayList<>(List.of("service: '" + service + "'", "environment: '" + environment + "'"));
        if (!namespace.equals(environment)) {
            arguments.add("namespace: '" + namespace + "'");
        }
        if (!release.equals(service)) {
            arguments.add("release: '" + release + "'");
        }
        arguments.add("toRevision: " + revision);
        return "rollbackService(" + String.join(", ", arguments) + ")";
    }

    /** Removes a release that never served: no step does it, so helm's own command. */
    String uninstall() {
        return "helm uninstall " + release + " --namespace " + namespace;
    }

    /** Deploying again with recovery first returns a stuck release to {@code revision}, then upgrades. */
    static String redeployRecovering() {
        return "deploy again with recoverStuckRelease: true";
    }
}
