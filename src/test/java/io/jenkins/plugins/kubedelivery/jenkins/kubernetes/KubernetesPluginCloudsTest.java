package io.jenkins.plugins.kubedelivery.jenkins.kubernetes;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import hudson.slaves.Cloud;
import io.jenkins.plugins.kubedelivery.jenkins.CloudCluster;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.KubernetesClouds;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.junit.Test;

/** The one adapter over the kubernetes plugin, and the plugin without it. */
public class KubernetesPluginCloudsTest {
    @Test
    public void aKubernetesCloudGivesItsServerCaCredentialsAndTlsChoice() throws Exception {
        KubernetesCloud cloud = new KubernetesCloud("kubernetes");
        cloud.setServerUrl("https://k8s.example.com:6443");
        cloud.setServerCertificate("-----BEGIN CERTIFICATE-----\n...");
        cloud.setCredentialsId("k8s-token");
        cloud.setSkipTlsVerify(true);

        assertEquals(new CloudCluster("kubernetes", "https://k8s.example.com:6443", "-----BEGIN CERTIFICATE-----\n...",
                "k8s-token", true), KubernetesPluginClouds.describe("kubernetes", cloud));
        assertEquals(new CloudCluster("bare", null, null, null, false),
                KubernetesPluginClouds.describe("bare", new KubernetesCloud("bare")));
    }

    @Test
    public void noCloudOrAnotherKindIsRefusedByName() {
        AbortException missing = assertThrows(AbortException.class, () -> KubernetesPluginClouds.describe("k8s", null));
        assertTrue(missing.getMessage(), missing.getMessage().startsWith("cloud: there is no cloud named 'k8s'"));

        Cloud docker = new Cloud("docker") {};
        AbortException other = assertThrows(AbortException.class, () -> KubernetesPluginClouds.describe("docker", docker));
        assertTrue(other.getMessage(), other.getMessage().startsWith("cloud: the cloud 'docker' is a ")
                && other.getMessage().endsWith(", not a Kubernetes cloud of the Kubernetes plugin"));
    }

    /**
     * This plugin's classes in a class loader that cannot see the kubernetes plugin, as in a Jenkins
     * without it: the cluster classes load and work, and cloud: fails with the one-line message.
     */
    @Test
    public void withoutThePluginEverythingElseLoadsAndCloudNamesThePlugin() throws Exception {
        try (WithoutKubernetesPlugin loader = new WithoutKubernetesPlugin()) {
            Class<?> access = Class.forName(ClusterAccess.class.getName(), true, loader);
            access.getConstructor(String.class, String.class, String.class).newInstance("stage-kubeconfig", null, null);
            Class.forName("io.jenkins.plugins.kubedelivery.jenkins.KubeconfigScope", true, loader);
            Class.forName("io.jenkins.plugins.kubedelivery.jenkins.EngineSession", true, loader);

            Class<?> clouds = Class.forName(KubernetesClouds.class.getName(), true, loader);
            Object jenkins = clouds.getField("JENKINS").get(null);
            InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                    () -> clouds.getMethod("find", String.class).invoke(jenkins, "kubernetes"));

            assertEquals(AbortException.class.getName(), thrown.getCause().getClass().getName());
            assertEquals(KubernetesClouds.NO_PLUGIN, thrown.getCause().getMessage());
            assertEquals(1, thrown.getCause().getMessage().lines().count());
        }
    }

    /** Loads this project's classes itself (parent last) and refuses the kubernetes plugin's package. */
    private static final class WithoutKubernetesPlugin extends URLClassLoader {
        WithoutKubernetesPlugin() {
            super(new URL[] {location(KubernetesClouds.class), location(com.eclipsesource.json.Json.class),
                    location(org.snakeyaml.engine.v2.api.Load.class), location(com.google.common.util.concurrent.FutureCallback.class)},
                    ClassLoader.getPlatformClassLoader());
        }

        private static URL location(Class<?> type) {
            return type.getProtectionDomain().getCodeSource().getLocation();
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.csanchez.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
