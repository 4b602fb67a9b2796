package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.routing.RoutingCluster;

/** The canary tests' stable side in namespace prod: release {@code payments}'s Ingress and what its pods run. */
final class StableIngress {
    private StableIngress() {}

    /** Ingress {@code payments} for pay.example.com, in front of Service {@code payments}: what nginx("payments") splits. */
    static void apply(RoutingCluster bench) throws Exception {
        bench.apply("""
                {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"payments","namespace":"prod"},
                 "spec":{"ingressClassName":"nginx","rules":[{"host":"pay.example.com","http":{"paths":[
                   {"path":"/","pathType":"Prefix","backend":{"service":{"name":"payments","port":{"number":8080}}}}]}}]}}
                """);
    }

    /** The image the stable Deployment runs. */
    static String image(RoutingCluster bench) throws Exception {
        return bench.get("deployment", "payments", "prod").get("spec").asObject().get("template").asObject().get("spec")
                .asObject().get("containers").asArray().get(0).asObject().getString("image", "");
    }
}
