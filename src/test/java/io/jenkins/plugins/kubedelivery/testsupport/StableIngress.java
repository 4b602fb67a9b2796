package io.jenkins.plugins.kubedelivery.testsupport;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Ingress a team already has in front of a service before its first canary, which the
 * {@code nginx} router reads and never changes: one host, path {@code /} to the stable Service.
 */
public final class StableIngress {
    private StableIngress() {}

    /**
     * Creates it in the simulated cluster, as the team's own manifests would have.
     *
     * @param name the Ingress and the stable Service it routes to, which are named as the release
     * @return the Ingress as the cluster stored it
     */
    public static JsonObject create(TestCluster cluster, String namespace, String name, String host, int port) {
        String ingress = """
                {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"%s","namespace":"%s"},
                 "spec":{"ingressClassName":"nginx","rules":[{"host":"%s","http":{"paths":[
                   {"path":"/","pathType":"Prefix","backend":{"service":{"name":"%s","port":{"number":%d}}}}]}}]}}
                """.formatted(name, namespace, host, name, port);
        try {
            ObjectNode created = cluster.create((ObjectNode) new ObjectMapper().readTree(ingress));
            return Json.parse(created.toString()).asObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
