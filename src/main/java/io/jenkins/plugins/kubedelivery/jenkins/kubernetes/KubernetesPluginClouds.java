package io.jenkins.plugins.kubedelivery.jenkins.kubernetes;

import hudson.AbortException;
import hudson.slaves.Cloud;
import io.jenkins.plugins.kubedelivery.jenkins.CloudCluster;
import jenkins.model.Jenkins;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;

/**
 * The one class that touches the kubernetes plugin (an optional dependency): reached only through
 * {@code KubernetesClouds.JENKINS}, after it checked the plugin is there, so without the plugin
 * nothing loads it and the rest of this plugin works.
 */
public final class KubernetesPluginClouds {
    private KubernetesPluginClouds() {}

    public static CloudCluster find(String name) throws AbortException {
        return describe(name, Jenkins.get().getCloud(name));
    }

    /** @param cloud what Jenkins holds under that name, or {@code null} */
    public static CloudCluster describe(String name, Cloud cloud) throws AbortException {
        if (cloud == null) {
            throw new AbortException("cloud: there is no cloud named '" + name + "'; give the name of a Kubernetes cloud"
                    + " as Manage Jenkins » Clouds lists it");
        }
        if (!(cloud instanceof KubernetesCloud kubernetes)) {
            throw new AbortException("cloud: the cloud '" + name + "' is a " + cloud.getClass().getSimpleName()
                    + ", not a Kubernetes cloud of the Kubernetes plugin");
        }
        return new CloudCluster(name, kubernetes.getServerUrl(), kubernetes.getServerCertificate(),
                kubernetes.getCredentialsId(), kubernetes.isSkipTlsVerify());
    }
}
