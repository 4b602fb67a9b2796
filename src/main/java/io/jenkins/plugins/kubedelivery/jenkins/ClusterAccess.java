package io.jenkins.plugins.kubedelivery.jenkins;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import java.io.Serializable;

/**
 * How a step reaches its cluster, as the user wrote it: the step parameters
 * {@code kubeconfigCredentialsId}, {@code kubeContext} and {@code server}. Plain strings, so an
 * execution can keep it across a checkpoint; never holds a secret.
 */
public final class ClusterAccess implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String credentialsId;
    private final String kubeContext;
    private final String server;

    /**
     * @throws ValidationException when {@code kubeContext} or {@code server} is given without
     *     credentials, or the context holds a character the agent's shell would interpret
     */
    public ClusterAccess(String credentialsId, String kubeContext, String server) {
        this.credentialsId = ParameterText.optional(credentialsId);
        this.kubeContext = ParameterText.optional(kubeContext);
        this.server = ParameterText.optional(server);
        if (this.credentialsId == null && this.kubeContext != null) {
            throw new ValidationException("kubeContext", "selects a context of a kubeconfig, so it needs"
                    + " kubeconfigCredentialsId (a Secret file credential holding the kubeconfig)");
        }
        if (this.credentialsId == null && this.server != null) {
            throw new ValidationException("server", "is only used with a bearer token, so it needs"
                    + " kubeconfigCredentialsId (a Secret text credential holding the token)");
        }
        if (this.kubeContext != null) {
            CommandLine.checkArgument("kubeContext", this.kubeContext);
        }
    }

    /** @return the credentials id, or {@code null} for the pod's ServiceAccount */
    public String credentialsId() {
        return credentialsId;
    }

    public String kubeContext() {
        return kubeContext;
    }

    public String server() {
        return server;
    }
}
