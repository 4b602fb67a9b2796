package io.jenkins.plugins.kubedelivery.engine.routing.nginx;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingException;
import java.util.List;
import org.junit.Test;

public class NginxCanaryIngressTest {
    private static final String PREFIX = NginxCanaryIngress.DEFAULT_ANNOTATION_PREFIX;

    /** A stable Ingress as kubectl get -o json returns it: two hosts, one path to another service, TLS, status. */
    private static JsonObject stable() {
        return Json.parse("""
                {"apiVersion":"networking.k8s.io/v1","kind":"Ingress",
                 "metadata":{"name":"payments","namespace":"prod","resourceVersion":"812","uid":"u-1",
                   "labels":{"app.kubernetes.io/managed-by":"Helm","app":"payments"},
                   "annotations":{"meta.helm.sh/release-name":"payments","nginx.ingress.kubernetes.io/rewrite-target":"/",
                     "kubernetes.io/ingress.class":"nginx"},
                   "managedFields":[{"manager":"helm"}]},
                 "spec":{"ingressClassName":"nginx",
                   "tls":[{"hosts":["pay.example.com"],"secretName":"pay-tls"}],
                   "rules":[
                     {"host":"pay.example.com","http":{"paths":[
                       {"path":"/","pathType":"Prefix","backend":{"service":{"name":"payments","port":{"number":80}}}},
                       {"path":"/admin","pathType":"Prefix","backend":{"service":{"name":"payments-admin","port":{"name":"http"}}}}]}},
                     {"host":"api.example.com","http":{"paths":[
                       {"path":"/pay","pathType":"Exact","backend":{"service":{"name":"payments","port":{"name":"http"}}}}]}},
                     {"host":"docs.example.com","http":{"paths":[
                       {"path":"/","pathType":"Prefix","backend":{"service":{"name":"docs","port":{"number":80}}}}]}}]},
                 "status":{"loadBalancer":{"ingress":[{"ip":"10.0.0.1"}]}}}
                """).asObject();
    }

    @Test
    public void theCanaryCopiesOnlyThePathsToTheStableServiceAndLeadsThemToTheCanary() {
        JsonObject canary = NginxCanaryIngress.derive(stable(), "payments", "payments-canary", 10, PREFIX);
        assertEquals(Json.parse("""
                {"apiVersion":"networking.k8s.io/v1","kind":"Ingress",
                 "metadata":{"name":"payments-canary","namespace":"prod",
                   "labels":{"app.kubernetes.io/managed-by":"kube-delivery","kube-delivery.io/canary-of":"payments"},
                   "annotations":{"nginx.ingress.kubernetes.io/canary":"true","nginx.ingress.kubernetes.io/canary-weight":"10",
                     "kubernetes.io/ingress.class":"nginx"}},
                 "spec":{"ingressClassName":"nginx","rules":[
                   {"host":"pay.example.com","http":{"paths":[
                     {"path":"/","pathType":"Prefix","backend":{"service":{"name":"payments-canary","port":{"number":80}}}}]}},
                   {"host":"api.example.com","http":{"paths":[
                     {"path":"/pay","pathType":"Exact","backend":{"service":{"name":"payments-canary","port":{"name":"http"}}}}]}}]}}
                """), canary);
        assertEquals(10, NginxCanaryIngress.weight(canary, PREFIX));
        assertTrue(NginxCanaryIngress.isOurs(canary));
    }

    @Test
    public void aConfiguredAnnotationPrefixIsUsedThroughout() {
        JsonObject canary = NginxCanaryIngress.derive(stable(), "payments", "payments-canary", 25, "ingress.example.com");
        assertEquals("true", canary.get("metadata").asObject().get("annotations").asObject().getString("ingress.example.com/canary", null));
        assertEquals(25, NginxCanaryIngress.weight(canary, "ingress.example.com"));
        assertEquals(0, NginxCanaryIngress.weight(canary, PREFIX));
    }

    @Test
    public void anIngressWithoutAPathToTheStableServiceIsRefused() {
        RoutingException e = assertThrows(RoutingException.class,
                () -> NginxCanaryIngress.derive(stable(), "checkout", "checkout-canary", 10, PREFIX));
        assertEquals("ingress prod/payments has no path whose backend is service checkout: name the Ingress that routes to"
                + " the stable Service, or set the service the canary splits", e.getMessage());
    }

    @Test
    public void aCanaryIngressCannotBeTheStableOne() {
        JsonObject canary = NginxCanaryIngress.derive(stable(), "payments", "payments-canary", 10, PREFIX);
        RoutingException e = assertThrows(RoutingException.class,
                () -> NginxCanaryIngress.derive(canary, "payments-canary", "x", 10, PREFIX));
        assertEquals("ingress prod/payments-canary is itself a canary Ingress (nginx.ingress.kubernetes.io/canary: \"true\"):"
                + " name the Ingress that serves the stable version", e.getMessage());
    }

    @Test
    public void anotherCanaryOnTheSameHostAndPathIsAConflictButOursAndOthersAreNot() {
        JsonObject ours = NginxCanaryIngress.derive(stable(), "payments", "payments-canary", 10, PREFIX);
        JsonObject foreign = Json.parse("""
                {"metadata":{"name":"payments-experiment","namespace":"prod",
                   "annotations":{"nginx.ingress.kubernetes.io/canary":"true","nginx.ingress.kubernetes.io/canary-by-header":"x-exp"}},
                 "spec":{"rules":[{"host":"api.example.com","http":{"paths":[{"path":"/pay"}]}}]}}
                """).asObject();
        JsonObject otherPath = Json.parse("""
                {"metadata":{"name":"docs-canary","namespace":"prod","annotations":{"nginx.ingress.kubernetes.io/canary":"true"}},
                 "spec":{"rules":[{"host":"docs.example.com","http":{"paths":[{"path":"/"}]}}]}}
                """).asObject();
        assertEquals(List.of("ingress prod/payments-experiment is already a canary for api.example.com/pay"),
                NginxCanaryIngress.conflicts(ours, List.of(stable(), ours, foreign, otherPath), PREFIX));
        assertEquals(List.of(), NginxCanaryIngress.conflicts(ours, List.of(stable(), ours, otherPath), PREFIX));
    }

    @Test
    public void aWeightThatIsNotANumberIsSaidPlainly() {
        JsonObject canary = NginxCanaryIngress.derive(stable(), "payments", "payments-canary", 10, PREFIX);
        canary.get("metadata").asObject().get("annotations").asObject().set(PREFIX + "/canary-weight", "ten");
        assertEquals("ingress prod/payments-canary has canary-weight 'ten', which is not a whole number",
                assertThrows(RoutingException.class, () -> NginxCanaryIngress.weight(canary, PREFIX)).getMessage());
    }
}
