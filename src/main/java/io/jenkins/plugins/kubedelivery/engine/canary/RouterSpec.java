package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.analysis.prometheus.RequestMetrics;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteWeightRouter;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingObjects;
import io.jenkins.plugins.kubedelivery.engine.routing.TrafficRouter;
import io.jenkins.plugins.kubedelivery.engine.routing.gatewayapi.HttpRouteSplit;
import io.jenkins.plugins.kubedelivery.engine.routing.istio.VirtualServiceSplit;
import io.jenkins.plugins.kubedelivery.engine.routing.nginx.NginxCanaryIngress;
import io.jenkins.plugins.kubedelivery.engine.routing.nginx.NginxRouter;
import io.jenkins.plugins.kubedelivery.engine.routing.replicas.ReplicasRouter;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

/**
 * Which router a canary uses, as the user named it: names only, so it is kept with a resumable
 * call. Each knows where its request metrics come from, for the built-in checks.
 */
public sealed interface RouterSpec extends Serializable {
    /**
     * The router over these objects: the use case builds it twice, once over server-side dry-run
     * writes to check its objects before traffic moves, once for real. The releases' Services are
     * named as their releases ({@code payments}, {@code payments-canary}), as charts made by
     * {@code helm create} name them.
     */
    TrafficRouter on(RoutingObjects objects, EngineLog log, String namespace, String stableRelease, String canaryRelease);

    /** The source of the built-in checks' metrics; empty when the router has none (replicas). */
    Optional<RequestMetrics> requestMetrics();

    /**
     * Whether the stable Service sends traffic to both releases' pods (replicas), rather than the
     * router to each release's own Service: it decides which selection {@link CanaryRelease} requires.
     */
    default boolean sharesStableService() {
        return false;
    }

    /** The router's own query placeholders ({@code {{ingress}}}). */
    default Map<String, String> queryVariables() {
        return Map.of();
    }

    /** ingress-nginx: a canary Ingress beside the stable one. */
    record Nginx(String ingress) implements RouterSpec {
        public Nginx {
            NameRules.requireDnsLabel("router", ingress);
        }

        @Override
        public TrafficRouter on(RoutingObjects objects, EngineLog log, String namespace, String stable, String canary) {
            return new NginxRouter(objects, log, namespace, ingress, stable, canary, NginxCanaryIngress.DEFAULT_ANNOTATION_PREFIX);
        }

        @Override
        public Optional<RequestMetrics> requestMetrics() {
            return Optional.of(RequestMetrics.INGRESS_NGINX);
        }

        @Override
        public Map<String, String> queryVariables() {
            return Map.of("ingress", ingress);
        }
    }

    /** Gateway API: the backend weights of an HTTPRoute; {@code rule} may be {@code null}. */
    record GatewayApi(String route, String rule) implements RouterSpec {
        public GatewayApi {
            NameRules.requireDnsLabel("router", route);
            CanaryRouterLabels.requireSection("router", rule);
        }

        @Override
        public TrafficRouter on(RoutingObjects objects, EngineLog log, String namespace, String stable, String canary) {
            return new RouteWeightRouter(objects, log, namespace, new HttpRouteSplit(route, stable, canary, rule));
        }

        @Override
        public Optional<RequestMetrics> requestMetrics() {
            return Optional.of(RequestMetrics.ENVOY);
        }
    }

    /** Istio: the weights of a VirtualService's http route; {@code route} may be {@code null}. */
    record Istio(String virtualService, String route) implements RouterSpec {
        public Istio {
            NameRules.requireDnsLabel("router", virtualService);
            CanaryRouterLabels.requireSection("router", route);
        }

        @Override
        public TrafficRouter on(RoutingObjects objects, EngineLog log, String namespace, String stable, String canary) {
            return new RouteWeightRouter(objects, log, namespace, new VirtualServiceSplit(virtualService, stable, canary, route));
        }

        @Override
        public Optional<RequestMetrics> requestMetrics() {
            return Optional.of(RequestMetrics.ISTIO);
        }
    }

    /** No L7 router: the canary's share of the pods behind the stable Service. */
    record Replicas() implements RouterSpec {
        @Override
        public TrafficRouter on(RoutingObjects objects, EngineLog log, String namespace, String stable, String canary) {
            return new ReplicasRouter(objects, log, namespace, new ReplicasRouter.Side(stable, stable),
                    new ReplicasRouter.Side(canary, canary));
        }

        @Override
        public boolean sharesStableService() {
            return true;
        }

        @Override
        public Optional<RequestMetrics> requestMetrics() {
            return Optional.empty();
        }
    }
}
