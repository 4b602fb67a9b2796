package io.jenkins.plugins.kubedelivery.jenkins;

import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.jenkins.kubernetes.KubernetesPluginClouds;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Finds the Kubernetes clouds of the kubernetes plugin by name, for {@code cloud:}. In Jenkins:
 * {@link KubernetesPluginClouds}, the only class that touches the plugin (an optional dependency),
 * loaded only when a step names a cloud. A test puts another finder into the step context.
 */
@FunctionalInterface
public interface KubernetesClouds {
    /** The class whose presence tells whether the kubernetes plugin is installed and enabled. */
    String PLUGIN_CLASS = "org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud";
    String NO_PLUGIN = "cloud: needs the Kubernetes plugin (kubernetes) installed and enabled;"
            + " without it, give kubeconfigCredentialsId instead";

    /** @throws AbortException naming the cloud when there is none of that name, or it is not a Kubernetes cloud */
    CloudCluster find(String name) throws AbortException;

    /** The kubernetes plugin's clouds; checks the plugin is there before its classes are touched. */
    KubernetesClouds JENKINS = name -> {
        try {
            Class.forName(PLUGIN_CLASS, false, KubernetesClouds.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AbortException(NO_PLUGIN);
        }
        return KubernetesPluginClouds.find(name);
    };

    static KubernetesClouds from(StepContext context) throws IOException, InterruptedException {
        KubernetesClouds provided = context.get(KubernetesClouds.class);
        return provided != null ? provided : JENKINS;
    }
}
