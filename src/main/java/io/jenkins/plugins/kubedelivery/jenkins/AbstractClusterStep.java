package io.jenkins.plugins.kubedelivery.jenkins;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;

import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that reaches a cluster: the parameters by which it does ({@code kubeconfigCredentialsId},
 * {@code kubeContext}, {@code server}, {@code caCertificate}, {@code cloud}) over what every
 * {@link DeliveryStep} is. Their help and form fragment are in this class's resource folder.
 * Public because structs binds the inherited setters by reflection.
 */
public abstract class AbstractClusterStep extends DeliveryStep {
    /**
     * The text form of helm's default timeout ({@code DeployRequest.DEFAULT_TIMEOUT}), for every step
     * that runs helm with a {@code timeout} parameter: derived once, so their forms and setters agree.
     */
    protected static final String DEFAULT_HELM_TIMEOUT = DurationText.of(DeployRequest.DEFAULT_TIMEOUT);

    private String kubeconfigCredentialsId;
    private String kubeContext;
    private String server;
    private String caCertificate;
    private String cloud;

    public String getKubeconfigCredentialsId() { return kubeconfigCredentialsId; }
    public String getKubeContext() { return kubeContext; }
    public String getServer() { return server; }
    public String getCaCertificate() { return caCertificate; }
    public String getCloud() { return cloud; }

    @DataBoundSetter public void setKubeconfigCredentialsId(String id) { this.kubeconfigCredentialsId = optional(id); }
    @DataBoundSetter public void setKubeContext(String kubeContext) { this.kubeContext = optional(kubeContext); }
    @DataBoundSetter public void setServer(String server) { this.server = optional(server); }
    @DataBoundSetter public void setCaCertificate(String caCertificate) { this.caCertificate = optional(caCertificate); }
    @DataBoundSetter public void setCloud(String cloud) { this.cloud = optional(cloud); }

    /** @throws io.jenkins.plugins.kubedelivery.engine.ValidationException for a combination that cannot work */
    public ClusterAccess clusterAccess() {
        return new ClusterAccess(kubeconfigCredentialsId, kubeContext, server, caCertificate, cloud);
    }
}
