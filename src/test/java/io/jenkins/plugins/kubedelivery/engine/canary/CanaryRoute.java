package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.routing.RouteReading;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingCluster;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One router as the end-to-end canary tests set it up for the fixture's {@code payments} release in
 * {@code prod}: the routing object the user owns before the canary starts, the values both releases
 * are deployed with, and where the router records its state. The router's own reads are proven
 * against the objects by each {@code *RouterKubectlTest}; here they tell where the traffic is.
 */
enum CanaryRoute {
    NGINX(new RouterSpec.Nginx("payments"), "ingress/payments-canary", """
            {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"payments","namespace":"prod"},
             "spec":{"ingressClassName":"nginx","rules":[{"host":"pay.example.com","http":{"paths":[
               {"path":"/","pathType":"Prefix","backend":{"service":{"name":"payments","port":{"number":8080}}}}]}}]}}
            """),
    GATEWAY_API(new RouterSpec.GatewayApi("payments", null), "httproute/payments", """
            {"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"payments","namespace":"prod"},
             "spec":{"parentRefs":[{"name":"public"}],"rules":[
               {"matches":[{"path":{"type":"PathPrefix","value":"/"}}],"backendRefs":[{"name":"payments","port":8080}]}]}}
            """),
    ISTIO(new RouterSpec.Istio("payments", null), "virtualservice/payments", """
            {"apiVersion":"networking.istio.io/v1","kind":"VirtualService","metadata":{"name":"payments","namespace":"prod"},
             "spec":{"hosts":["pay.example.com"],"http":[
               {"name":"primary","route":[{"destination":{"host":"payments","port":{"number":8080}}}]}]}}
            """),
    /** No routing object: the stable Service selects both releases' pods by the label they share. */
    REPLICAS(new RouterSpec.Replicas(), "deployment/payments-canary", null);

    final RouterSpec spec;
    /** The object that carries the router's {@link RouteState} while a canary runs, as kubectl names it ({@code kind/name}). */
    final String stateObject;
    /** The routing object as the user has it before any canary; none for replicas. */
    private final Optional<String> routingObject;

    CanaryRoute(RouterSpec spec, String stateObject, String routingObject) {
        this.spec = spec;
        this.stateObject = stateObject;
        this.routingObject = Optional.ofNullable(routingObject);
    }

    void prepare(RoutingCluster bench) throws Exception {
        if (routingObject.isPresent()) {
            bench.apply(routingObject.get());
        }
    }

    /** Values both releases are deployed with: the replicas router needs a Service that selects both. */
    Map<String, Object> deployValues() {
        return this == REPLICAS ? Map.of("service.selector", Map.of("app.kubernetes.io/name", "payments")) : Map.of();
    }

    /**
     * The weight the router reaches for a weight asked: the replicas router gets the nearest share of
     * the fixture's 3 prod pods ({@code ReplicaSplit}), the others exactly what is asked.
     */
    int reached(int asked) {
        if (this != REPLICAS || asked == 0 || asked == 100) {
            return asked;
        }
        return asked <= 33 ? 33 : 67;
    }

    /**
     * The commands (verb, then tool) of a reset from the objects as the router last wrote them: one kubectl call
     * takes the canary to weight 0 (the replicas router then scales the stable release back, a second call).
     */
    List<String> resetCalls() {
        switch (this) {
            case NGINX:
                return List.of("delete kubectl");
            case REPLICAS:
                return List.of("patch kubectl", "patch kubectl");
            default:
                return List.of("replace kubectl");
        }
    }

    /** The canary's weight as the routing objects carry it now (0 when no canary is routed). */
    int canaryWeight(RoutingCluster bench) throws Exception {
        return reading(bench).weight();
    }

    Optional<RouteState> recorded(RoutingCluster bench) throws Exception {
        return reading(bench).recorded();
    }

    private RouteReading reading(RoutingCluster bench) throws Exception {
        return spec.on(bench.objects(), line -> {}, "prod", "payments", "payments-canary").read();
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
    }
}
