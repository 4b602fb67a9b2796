package io.jenkins.plugins.kubedelivery.engine.secrets;

import java.util.Map;
import java.util.Optional;

/**
 * The port to a secret store (HashiCorp Vault in Jenkins, through its plugin). The engine reads
 * through it when the command runs, never earlier, so no secret is held by a request that is kept.
 */
public interface SecretSource {
    /**
     * The values of the keys {@code path} asks for. A key the secret does not hold is absent from the
     * map (or maps to {@code null}): the caller names it.
     *
     * @return empty when the store holds no secret at that path
     * @throws io.jenkins.plugins.kubedelivery.engine.EngineException when the store cannot be reached or refuses the read
     */
    Optional<Map<String, String>> read(SecretStore store, SecretPath path) throws InterruptedException;
}
