package io.jenkins.plugins.kubedelivery.engine.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import org.junit.Test;

public class ClusterIdentityTest {
    private static final String TOKEN = "c2VjcmV0LXRva2Vu";
    private static final String TWO_CLUSTERS = String.join("\n",
            "apiVersion: v1",
            "kind: Config",
            "current-context: stage",
            "clusters:",
            "- name: stage-cluster",
            "  cluster:",
            "    server: https://K8S.Stage.Example.com/",
            "- name: prod-cluster",
            "  cluster:",
            "    server: https://k8s.prod.example.com:6443",
            "contexts:",
            "- name: stage",
            "  context: {cluster: stage-cluster, user: deployer, namespace: default}",
            "- name: stage-admin",
            "  context: {cluster: stage-cluster, user: admin}",
            "- name: prod",
            "  context: {cluster: prod-cluster, user: deployer}",
            "- name: lost",
            "  context: {cluster: nowhere, user: deployer}",
            "users:",
            "- name: deployer",
            "  user: {token: " + TOKEN + "}",
            "");

    @Test
    public void aKubeconfigResolvesThroughItsContextToTheServer() {
        assertEquals("https://k8s.stage.example.com:443", ClusterIdentity.ofKubeconfig(TWO_CLUSTERS, null));
        assertEquals("https://k8s.stage.example.com:443", ClusterIdentity.ofKubeconfig(TWO_CLUSTERS, "stage"));
        assertEquals("https://k8s.stage.example.com:443", ClusterIdentity.ofKubeconfig(TWO_CLUSTERS, "stage-admin"));
        assertEquals("https://k8s.prod.example.com:6443", ClusterIdentity.ofKubeconfig(TWO_CLUSTERS, "prod"));
    }

    @Test
    public void serversAreNormalised() {
        String expected = "https://k8s.example.com:443";
        for (String server : new String[] {"https://k8s.example.com", "HTTPS://K8S.EXAMPLE.COM:443/", "k8s.example.com",
                "https://k8s.example.com//", " https://k8s.example.com:443 "}) {
            assertEquals(server, expected, ClusterIdentity.ofServer("server", server));
        }
        assertEquals("http://127.0.0.1:80", ClusterIdentity.ofServer("server", "http://127.0.0.1"));
        assertEquals("https://rancher.example.com:443/k8s/clusters/c-abc",
                ClusterIdentity.ofServer("server", "https://Rancher.example.com/k8s/clusters/c-abc/"));
    }

    @Test
    public void differentServersStayDifferent() {
        assertNotEquals(ClusterIdentity.ofServer("server", "https://k8s.example.com:6443"),
                ClusterIdentity.ofServer("server", "https://k8s.example.com:443"));
        assertNotEquals(ClusterIdentity.ofServer("server", "https://rancher.example.com/k8s/clusters/c-a"),
                ClusterIdentity.ofServer("server", "https://rancher.example.com/k8s/clusters/c-b"));
    }

    @Test
    public void aKubeconfigThatResolvesToNoServerIsRefusedNamingTheParameter() {
        assertRefused("kubeContext", TWO_CLUSTERS, "qa", "no context 'qa'; its contexts are ['stage', 'stage-admin', 'prod', 'lost']");
        assertRefused("kubeconfigCredentialsId", TWO_CLUSTERS, "lost", "names the cluster 'nowhere', which it does not define");
        assertRefused("kubeContext", "apiVersion: v1\nkind: Config\n", null, "names no current-context");
        assertRefused("kubeconfigCredentialsId", "apiVersion: v1\ncurrent-context: a\ncontexts: []\n", null, "no context 'a'");
        assertRefused("kubeconfigCredentialsId", "just text", null, "does not hold a kubeconfig");
        assertRefused("kubeconfigCredentialsId", "clusters: [\nuser: {token: " + TOKEN + "\n", null, "not valid YAML (line");
        assertRefused("kubeconfigCredentialsId", "a: 1\na: 2\n", null, "not valid YAML");
        assertRefused("kubeconfigCredentialsId", TWO_CLUSTERS.replace("https://k8s.prod.example.com:6443", "''"), "prod",
                "has no server URL");
    }

    private static void assertRefused(String parameter, String kubeconfig, String context, String reason) {
        ValidationException e = assertThrows(ValidationException.class, () -> ClusterIdentity.ofKubeconfig(kubeconfig, context));
        assertEquals(e.getMessage(), parameter, e.parameter());
        assertTrue(e.getMessage(), e.getMessage().contains(reason));
        assertFalse("the kubeconfig's secrets stay out of the message", e.getMessage().contains(TOKEN));
    }
}
