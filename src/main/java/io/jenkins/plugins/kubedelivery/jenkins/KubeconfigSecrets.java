package io.jenkins.plugins.kubedelivery.jenkins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The secrets a kubeconfig from a Secret file credential holds (each user's token, password and
 * client key), so the step's masking filter hides them as it hides a token credential's token.
 * A kubeconfig that does not parse gives none: kubectl and helm then refuse it with their own
 * message, which names the file, not its content.
 */
final class KubeconfigSecrets {
    private static final List<String> SECRET_FIELDS = List.of("token", "password", "client-key-data");

    private KubeconfigSecrets() {}

    static List<String> of(String kubeconfig) {
        Object root;
        try {
            root = new Load(LoadSettings.builder().build()).loadFromString(kubeconfig);
        } catch (YamlEngineException e) {
            return List.of();
        }
        List<String> secrets = new ArrayList<>();
        if (root instanceof Map<?, ?> config && config.get("users") instanceof List<?> users) {
            for (Object entry : users) {
                if (entry instanceof Map<?, ?> named && named.get("user") instanceof Map<?, ?> user) {
                    for (String field : SECRET_FIELDS) {
                        if (user.get(field) instanceof String secret) {
                            secrets.add(secret);
                        }
                    }
                }
            }
        }
        return secrets;
    }
}
