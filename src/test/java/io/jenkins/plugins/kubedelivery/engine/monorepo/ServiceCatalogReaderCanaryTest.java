package io.jenkins.plugins.kubedelivery.engine.monorepo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.canary.CheckSpec;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterTemplate;
import java.util.List;
import org.junit.Test;

/** {@code delivery.yaml}'s {@code canary:} section: the router for every service and the analysis, and how each is refused. */
public class ServiceCatalogReaderCanaryTest {
    private static final ServiceCatalogReader.RepositoryProbe REPOSITORY = new ServiceCatalogReader.RepositoryProbe() {
        @Override
        public boolean isChart(String directory) {
            return directory.equals("helm/payments");
        }

        @Override
        public boolean isDirectory(String path) {
            return path.equals("helm");
        }
    };

    private static CanaryDefaults canary(String section) {
        return ServiceCatalogReader.read("canary:\n" + section.indent(2), List.of("payments"), REPOSITORY).canary();
    }

    private static String refusal(String section) {
        return assertThrows(CatalogException.class, () -> canary(section)).getMessage();
    }

    @Test
    public void eachRouterWithItsPlaceholdersFilledForTheService() {
        RouterTemplate nginx = canary("router:\n  nginx: {ingress: '{release}'}").router();
        assertEquals(new RouterSpec.Nginx("payments-api"), nginx.resolve("payments", "payments-api"));
        assertEquals("nginx(ingress: payments-api)", nginx.describe("payments", "payments-api"));
        assertEquals(new RouterSpec.GatewayApi("payments-route", "canary"),
                canary("router:\n  gatewayApi: {route: '{service}-route', rule: canary}").router().resolve("payments", "payments"));
        assertEquals(new RouterSpec.Istio("payments", null),
                canary("router:\n  istio:\n    virtualService: '{service}'").router().resolve("payments", "payments"));
        assertEquals(new RouterSpec.Replicas(), canary("router:\n  replicas: {}").router().resolve("payments", "payments"));
        assertEquals(new RouterSpec.Replicas(), canary("router:\n  replicas:").router().resolve("payments", "payments"));
        assertNull(canary("steps: [10, 100]").router());
    }

    @Test
    public void theAnalysisInTheStepsWords() {
        CanaryDefaults canary = canary("""
                analysis:
                  - errorRate: {max: 0.01}
                  - latency: {maxMillis: 500}
                  - latency: {maxMillis: 250.5, percentile: 95}
                  - prometheus: {name: orders-failing, query: 'sum(rate(orders_failed[{{interval}}]))', max: 5}
                  - prometheus: {name: throughput, query: 'sum(up)', min: 1}
                prometheusUrl: http://prometheus.monitoring:9090
                """);
        assertEquals(List.of(new CheckSpec.ErrorRate(0.01), new CheckSpec.Latency(500, 99), new CheckSpec.Latency(250.5, 95),
                new CheckSpec.Query("orders-failing", "sum(rate(orders_failed[{{interval}}]))", null, 5.0),
                new CheckSpec.Query("throughput", "sum(up)", 1.0, null)), canary.analysis());
        assertEquals("http://prometheus.monitoring:9090", canary.prometheusUrl());
        assertEquals(List.of(), canary("steps: [10, 100]").analysis());
    }

    @Test
    public void unknownKeysGetTheClosestKnownOne() {
        assertEquals("delivery.yaml:3:3: canary.routr: unknown key (did you mean 'router'?); the keys here are [analysis,"
                + " failureLimit, inconclusiveLimit, interval, minRequests, pause, prometheusUrl, router, steps]",
                refusal("steps: [10, 100]\nroutr: {nginx: {ingress: payments}}"));
        assertEquals("delivery.yaml:3:5: canary.router.ngnix: unknown key (did you mean 'nginx'?); the keys here are"
                + " [gatewayApi, istio, nginx, replicas]", refusal("router:\n  ngnix: {ingress: payments}"));
        assertEquals("delivery.yaml:3:13: canary.router.istio.virtualservice: unknown key (did you mean 'virtualService'?);"
                + " the keys here are [route, virtualService]", refusal("router:\n  istio: {virtualservice: payments}"));
        assertEquals("delivery.yaml:3:7: canary.analysis[0].errorRat: unknown key (did you mean 'errorRate'?); the keys here are"
                + " [errorRate, latency, prometheus]", refusal("analysis:\n  - errorRat: {max: 0.01}"));
        assertEquals("delivery.yaml:3:17: canary.analysis[0].latency.maxMilis: unknown key (did you mean 'maxMillis'?); the keys"
                + " here are [maxMillis, percentile]", refusal("analysis:\n  - latency: {maxMilis: 500}"));
    }

    @Test
    public void wrongTypesAndBadValuesAreRefusedWhereTheyAre() {
        assertEquals("delivery.yaml:2:11: canary.router: must be a mapping (key: value lines), not the text 'nginx'",
                refusal("router: nginx"));
        assertEquals("delivery.yaml:2:13: canary.analysis: must be a list ([a, b] or '- a' lines), not a mapping",
                refusal("analysis: {errorRate: {max: 0.01}}"));
        assertEquals("delivery.yaml:3:24: canary.analysis[0].errorRate.max: must be a number, not the text 'one percent'",
                refusal("analysis:\n  - errorRate: {max: one percent}"));
        assertEquals("delivery.yaml:3:18: canary.analysis[0].errorRate: errorRate(max: 5.0) is a share of requests from 0 to 1,"
                + " e.g. 0.01 for 1%", refusal("analysis:\n  - errorRate: {max: 5}"));
        assertEquals("delivery.yaml:3:16: canary.analysis[0].latency: latency(percentile: 100) must be from 1 to 99, e.g. 99",
                refusal("analysis:\n  - latency: {maxMillis: 500, percentile: 100}"));
        String badName = refusal("router:\n  nginx: {ingress: Payments}");
        assertTrue(badName, badName.startsWith("delivery.yaml:3:12: canary.router.nginx: 'Payments' "));
        assertEquals("delivery.yaml:3:12: canary.router.nginx: '{svc}' is no placeholder: a name may hold {service} (the"
                + " service's name) and {release} (its release's name)", refusal("router:\n  nginx: {ingress: '{svc}-web'}"));
    }

    @Test
    public void aRouterOrCheckWithoutItsRequiredFieldOrWithTwoKindsIsRefused() {
        assertEquals("delivery.yaml:3:12: canary.router.nginx: nginx needs ingress, e.g. nginx: {ingress: '{release}'}",
                refusal("router:\n  nginx: {}"));
        assertEquals("delivery.yaml:3:5: canary.router: must name exactly one of [gatewayApi, istio, nginx, replicas], not 2,"
                + " e.g. nginx: {ingress: '{release}'}", refusal("router:\n  nginx: {ingress: payments}\n  replicas: {}"));
        assertEquals("delivery.yaml:3:7: canary.analysis[0].prometheus: needs query, e.g. prometheus: {name: orders-failing,"
                + " query: 'sum(...)', max: 5}", refusal("analysis:\n  - prometheus: {name: orders-failing, max: 5}"));
    }
}
