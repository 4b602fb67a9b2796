package io.jenkins.plugins.kubedelivery.engine.deploy;

import com.eclipsesource.json.JsonValue;
import io.jenkins.plugins.kubedelivery.engine.SecretMask;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.JsonOutput;
import java.util.List;

/**
 * A dry run shows the deployed manifest next to the new one, so the secrets of the deployed
 * revision (a password before its rotation) would show on the "-" side. This reads the deployed
 * revision's own values at the request's {@code secretValues} keys and registers them with the
 * mask too. Only the keys named now are known to be secret.
 */
final class DeployedSecrets {
    private DeployedSecrets() {}

    /** @param revision the deployed revision the dry run compares with */
    static void register(HelmClient helm, DeployPlan plan, int revision, SecretMask secrets) throws InterruptedException {
        if (plan.secretKeys().isEmpty()) {
            return;
        }
        // Warnings may stand around the JSON inside container(), where stderr joins stdout.
        JsonValue values = JsonOutput.parse(helm.userValues(plan.release(), plan.namespace(), revision), "helm get values");
        for (String key : plan.secretKeys()) {
            JsonValue value = at(values, List.of(key.split("\\.")));
            if (value != null && value.isString()) {
                secrets.add(value.asString());
            }
        }
    }

    private static JsonValue at(JsonValue root, List<String> path) {
        JsonValue node = root;
        for (String name : path) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.asObject().get(name);
        }
        return node;
    }
}
