package io.jenkins.plugins.kubedelivery.jenkins;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;

import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The three parameters by which every step that talks to a cluster reaches it
 * ({@code kubeconfigCredentialsId}, {@code kubeContext}, {@code server}), in one place so they
 * read and default alike everywhere. Public because structs binds the inherited setters by
 * reflection.
 */
public abstract class AbstractClusterStep extends Step {
    private String kubeconfigCredentialsId;
    private String kubeContext;
    private String server;

    public String getKubeconfigCredentialsId() { return kubeconfigCredentialsId; }
    public String getKubeContext() { return kubeContext; }
    public String getServer() { return server; }

    @DataBoundSetter public void setKubeconfigCredentialsId(String id) { this.kubeconfigCredentialsId = optional(id); }
    @DataBoundSetter public void setKubeContext(String kubeContext) { this.kubeContext = optional(kubeContext); }
    @DataBoundSetter public void setServer(String server) { this.server = optional(server); }

    /** @throws io.jenkins.plugins.kubedelivery.engine.ValidationException for a combination that cannot work */
    public ClusterAccess clusterAccess() {
        return new ClusterAccess(kubeconfigCredentialsId, kubeContext, server);
    }
}
