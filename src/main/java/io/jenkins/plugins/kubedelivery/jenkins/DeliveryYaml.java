package io.jenkins.plugins.kubedelivery.jenkins;

import io.jenkins.plugins.kubedelivery.engine.monorepo.CatalogSettings;
import io.jenkins.plugins.kubedelivery.engine.monorepo.DeliveryCatalog;
import io.jenkins.plugins.kubedelivery.engine.monorepo.SettingsChoice;
import io.jenkins.plugins.kubedelivery.engine.monorepo.WorkspaceCatalog;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * How a step's call takes from the workspace's {@code delivery.yaml} what its parameters left unset,
 * on the agent before any command ({@link StepCall#resolved}): read the file if there is one, let the
 * call pick through one {@link SettingsChoice}, and say in the build log what was taken. Without the
 * file the call runs as the step built it.
 */
public final class DeliveryYaml {
    /** The call with the catalogue's values for what it was not given, each picked through {@code choice}. */
    @FunctionalInterface
    public interface Resolution {
        StepCall with(DeliveryCatalog catalog, SettingsChoice choice);
    }

    private DeliveryYaml() {}

    /**
     * The cluster access, from {@code delivery.yaml}'s environment when the step named neither credentials nor a cloud:
     * credentials and context go together (a context names an entry of that kubeconfig), so a step
     * that gives its own credentials takes neither from the file.
     */
    public static ClusterAccess access(ClusterAccess given, CatalogSettings settings, SettingsChoice choice) {
        if (given.isChosen()) {
            return given;
        }
        return given.withKubeconfig(choice.pick("kubeconfigCredentialsId", null, settings.kubeconfigCredentialsId()),
                choice.pick("kubeContext", null, settings.kubeContext()));
    }

    /** @throws io.jenkins.plugins.kubedelivery.engine.monorepo.CatalogException naming file, line and key when the file cannot be used */
    public static StepCall resolve(EngineSession session, StepCall call, Resolution resolution) throws IOException, InterruptedException {
        Optional<DeliveryCatalog> catalog = WorkspaceCatalog.readIfPresent(session.ports().workspace());
        if (catalog.isEmpty()) {
            return call;
        }
        SettingsChoice choice = new SettingsChoice();
        try {
            return resolution.with(catalog.get(), choice);
        } finally {
            // said also when the call then refuses a value, which may be the file's (a canary's pause)
            List<String> taken = choice.fromCatalogue();
            session.log().println("From delivery.yaml for " + call.target() + ": "
                    + (taken.isEmpty() ? "nothing (the parameters and the conventions decide)" : String.join(", ", taken)));
        }
    }
}
