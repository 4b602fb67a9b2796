package io.jenkins.plugins.kubedelivery.jenkins;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import java.io.Serializable;

/**
 * How a step reaches its cluster, as the user wrote it: the step parameters
 * {@code kubeconfigCredentialsId}, {@code kubeContext}, {@code server}, {@code caCertificate} and
 * {@code cloud}. Plain strings, so an execution can keep it across a checkpoint; never holds a
 * secret (a CA certificate is public).
 */
public final class ClusterAccess implements Serializable {
    // Unchanged by the new fields: a checkpoint written before them reads back with them null.
    private static final long serialVersionUID = 1L;

    private final String credentialsId;
    private final String kubeContext;
    private final String server;
    private final String caCertificate;
    private final String cloud;

    /**
     * @throws ValidationException when a parameter is given without the one it belongs to, {@code cloud}
     *     with any other, the context holds a character the agent's shell would interpret, or the CA
     *     certificate is not PEM
     */
    public ClusterAccess(String credentialsId, String kubeContext, String server, String caCertificate, String cloud) {
        this.credentialsId = ParameterText.optional(credentialsId);
        this.kubeContext = ParameterText.optional(kubeContext);
        this.server = ParameterText.optional(server);
        this.caCertificate = ParameterText.optional(caCertificate);
        this.cloud = ParameterText.optional(cloud);
        if (this.cloud != null) {
            refuseWithCloud("kubeconfigCredentialsId", this.credentialsId);
            refuseWithCloud("kubeContext", this.kubeContext);
            refuseWithCloud("server", this.server);
            refuseWithCloud("caCertificate", this.caCertificate);
        }
        if (this.credentialsId == null && this.kubeContext != null) {
            throw new ValidationException("kubeContext", "selects a context of a kubeconfig, so it needs"
                    + " kubeconfigCredentialsId (a Secret file credential holding the kubeconfig)");
        }
        if (this.credentialsId == null && this.server != null) {
            throw new ValidationException("server", "is only used with a bearer token or a client certificate, so it needs"
                    + " kubeconfigCredentialsId (a Secret text or a Certificate credential)");
        }
        if (this.server == null && this.caCertificate != null) {
            throw new ValidationException("caCertificate", "is the certificate authority of server, so it needs server"
                    + " (and a Secret text or a Certificate credential in kubeconfigCredentialsId)");
        }
        if (this.kubeContext != null) {
            CommandLine.checkArgument("kubeContext", this.kubeContext);
        }
        if (this.caCertificate != null) {
            CaCertificate.check("caCertificate", this.caCertificate);
        }
    }

    /** The three parameters a kubeconfig credential needs, without CA or cloud. */
    public ClusterAccess(String credentialsId, String kubeContext, String server) {
        this(credentialsId, kubeContext, server, null, null);
    }

    private static void refuseWithCloud(String parameter, String value) {
        if (value != null) {
            throw new ValidationException("cloud", "cannot be combined with " + parameter + ": the Kubernetes cloud names"
                    + " its own server, certificate authority and credentials; give either cloud or " + parameter);
        }
    }

    /** This access with the kubeconfig credential and context another source (delivery.yaml) names. */
    public ClusterAccess withKubeconfig(String otherCredentialsId, String otherKubeContext) {
        return new ClusterAccess(otherCredentialsId, otherKubeContext, server, caCertificate, cloud);
    }

    /** Whether the step itself chose the cluster (credentials or a cloud), so no other source may. */
    public boolean isChosen() {
        return credentialsId != null || cloud != null;
    }

    /** How the cluster is reached, for the build log: names and ids only, never a secret. */
    public String describe() {
        if (cloud != null) {
            return "the Kubernetes cloud '" + cloud + "'";
        }
        if (credentialsId == null) {
            return "the pod's ServiceAccount";
        }
        return "the credentials '" + credentialsId + "'" + (kubeContext == null ? "" : ", context " + kubeContext)
                + (server == null ? "" : ", server " + server) + (caCertificate == null ? "" : ", with its CA certificate");
    }

    /** @return the credentials id, or {@code null} for a cloud or the pod's ServiceAccount */
    public String credentialsId() {
        return credentialsId;
    }

    public String kubeContext() {
        return kubeContext;
    }

    public String server() {
        return server;
    }

    /** @return the PEM text of the server's certificate authority, or {@code null} for the container's trusted ones */
    public String caCertificate() {
        return caCertificate;
    }

    /** @return the name of a Kubernetes cloud of the kubernetes plugin, or {@code null} */
    public String cloud() {
        return cloud;
    }
}
