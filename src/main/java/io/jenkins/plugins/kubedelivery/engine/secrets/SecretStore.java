package io.jenkins.plugins.kubedelivery.engine.secrets;

import java.io.Serializable;

/**
 * Which secret store to read, as the step names it: its URL and the id of the credential that logs
 * in to it. Either may be {@code null}, and then what the admins configured (for the folder, or for
 * all of Jenkins) applies. Names only, never a secret, so it is kept with a resumable request.
 */
public record SecretStore(String url, String credentialsId) implements Serializable {
    /** The store the admins configured, as it is. */
    public static final SecretStore CONFIGURED = new SecretStore(null, null);
}
