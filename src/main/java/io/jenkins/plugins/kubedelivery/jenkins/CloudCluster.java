package io.jenkins.plugins.kubedelivery.jenkins;

/**
 * The cluster of a Kubernetes cloud that admins configured in the kubernetes plugin, as
 * {@code cloud:} uses it. Nothing in it is secret: the credentials are named, not held.
 *
 * @param name the cloud's name
 * @param serverUrl its API server URL, or {@code null} when the plugin configures itself from the
 *     controller's own environment (then the agent pods run in the controller's cluster)
 * @param serverCertificate PEM text of the server's certificate authority, or {@code null}
 * @param credentialsId the id of its credentials, or {@code null} for none
 * @param skipTlsVerify whether the cloud leaves the server's certificate unchecked
 */
public record CloudCluster(String name, String serverUrl, String serverCertificate, String credentialsId,
        boolean skipTlsVerify) {}
