package io.jenkins.plugins.kubedelivery.testcluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Test;

/** The rule's lifecycle and the API's status codes and shapes, over plain HTTP. */
public class TestClusterTest {
    private static final String CONFIG_MAPS = "/api/v1/namespaces/default/configmaps";

    @Test
    public void startsQuicklyOnLoopbackWithItsOwnHomeAndKubeconfig() throws Exception {
        long start = System.nanoTime();
        Path home;
        try (TestCluster cluster = TestCluster.started()) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue("started in " + millis + " ms", millis < 2000);
            assertTrue(cluster.url(), cluster.url().matches("http://127\\.0\\.0\\.1:\\d+"));
            home = cluster.home();
            assertTrue(Files.readString(cluster.kubeconfig()).contains("server: " + cluster.url()));
            Map<String, String> environment = cluster.environment();
            assertEquals(home.toString(), environment.get("HOME"));
            assertEquals(cluster.kubeconfig().toString(), environment.get("KUBECONFIG"));
            assertTrue(environment.get("HELM_CACHE_HOME").startsWith(home.toString()));
            assertTrue(environment.get("HELM_CONFIG_HOME").startsWith(home.toString()));
            assertTrue(environment.get("HELM_DATA_HOME").startsWith(home.toString()));
        }
        assertFalse("the home is removed on close", Files.exists(home));
    }

    @Test
    public void instancesAreIndependent() {
        try (TestCluster one = TestCluster.started(); TestCluster two = TestCluster.started()) {
            assertNotEquals(one.url(), two.url());
            one.createNamespace("only-in-one");
            assertTrue(one.object("v1", "Namespace", null, "only-in-one").isPresent());
            assertFalse(two.object("v1", "Namespace", null, "only-in-one").isPresent());
        }
    }

    @Test
    public void answersWithStatusBodiesClientGoRecognises() {
        try (TestCluster cluster = TestCluster.started()) {
            RawApi api = new RawApi(cluster);
            HttpResponse<String> missing = api.get(CONFIG_MAPS + "/nope");
            assertStatus(missing, 404, "NotFound", "configmaps \"nope\" not found");
            String body = "{\"metadata\":{\"name\":\"cfg\"},\"data\":{\"k\":\"v\"}}";
            assertEquals(201, api.post(CONFIG_MAPS, body).statusCode());
            assertStatus(api.post(CONFIG_MAPS, body), 409, "AlreadyExists", "configmaps \"cfg\" already exists");
            String stale = "{\"metadata\":{\"name\":\"cfg\",\"resourceVersion\":\"1\"},\"data\":{}}";
            assertStatus(api.put(CONFIG_MAPS + "/cfg", stale), 409, "Conflict", "the object has been modified");
            assertStatus(api.patch(CONFIG_MAPS + "/cfg", "application/merge-patch+json", stale), 409, "Conflict",
                    "the object has been modified");
            assertEquals(200, api.patch(CONFIG_MAPS + "/cfg", "application/merge-patch+json",
                    "{\"data\":{\"k\":\"w\"}}").statusCode());
            assertStatus(api.patch(CONFIG_MAPS + "/cfg", "text/plain", "{}"), 415, "UnsupportedMediaType", "unknown format");
            assertStatus(api.post("/api/v1/namespaces/ghost/configmaps", body), 404, "NotFound",
                    "namespaces \"ghost\" not found");
            assertStatus(api.get("/apis/apps/v1/namespaces/default/deployments/x"), 404, "NotFound",
                    "deployments.apps \"x\" not found");
            assertEquals("an OpenAPI v2 document that describes no type", "{}",
                    RawApi.json(api.get("/openapi/v2")).path("paths").toString());
            assertStatus(api.post("/api/v1/namespaces/default/pods", "{\"metadata\":{\"name\":\"p\"}}"), 405,
                    "MethodNotAllowed", "read-only");
        }
    }

    @Test
    public void listsCarryTheirKindAndResourceVersionAndDryRunsStoreNothing() {
        try (TestCluster cluster = TestCluster.started()) {
            RawApi api = new RawApi(cluster);
            api.post(CONFIG_MAPS + "?dryRun=All", "{\"metadata\":{\"name\":\"dry\"}}");
            api.post(CONFIG_MAPS, "{\"metadata\":{\"generateName\":\"gen-\"}}");
            JsonNode list = RawApi.json(api.get(CONFIG_MAPS));
            assertEquals("ConfigMapList", list.path("kind").asText());
            assertEquals("v1", list.path("apiVersion").asText());
            assertTrue(list.at("/metadata/resourceVersion").asLong() > 0);
            assertEquals(1, list.path("items").size());
            assertTrue(list.at("/items/0/metadata/name").asText().matches("gen-[a-z0-9]{5}"));
            JsonNode service = RawApi.json(api.post("/api/v1/namespaces/default/services", "{\"metadata\":{\"name\":\"s\"},"
                    + "\"spec\":{\"ports\":[{\"port\":80}]},\"status\":{\"loadBalancer\":{\"ingress\":[{\"ip\":\"1.2.3.4\"}]}}}"));
            assertFalse("clients cannot set a status on create", service.has("status"));
            assertEquals(80, service.at("/spec/ports/0/targetPort").asInt());
            assertEquals("TCP", service.at("/spec/ports/0/protocol").asText());
        }
    }

    @Test
    public void discoveryAndOpenApiTellClientsWhatIsServed() {
        try (TestCluster cluster = TestCluster.started().withFixtureCrds()) {
            RawApi api = new RawApi(cluster);
            JsonNode apps = RawApi.json(api.get("/apis/apps/v1"));
            JsonNode deployments = apps.path("resources").get(0);
            assertEquals("deployments", deployments.path("name").asText());
            assertEquals("[\"deploy\"]", deployments.path("shortNames").toString());
            assertEquals("[\"all\"]", deployments.path("categories").toString());
            assertTrue(deployments.path("verbs").toString().contains("watch"));
            JsonNode groups = RawApi.json(api.get("/apis"));
            assertTrue(groups.toString().contains("\"networking.istio.io/v1\""));
            assertTrue(groups.toString().contains("\"gateway.networking.k8s.io/v1\""));
            JsonNode document = RawApi.json(api.get("/openapi/v3/apis/networking.istio.io/v1?hash=x"));
            JsonNode patch = document.at("/paths/~1apis~1networking.istio.io~1v1~1namespaces~1{namespace}"
                    + "~1virtualservices~1{name}/patch");
            assertEquals("VirtualService", patch.at("/x-kubernetes-group-version-kind/kind").asText());
            assertEquals("fieldValidation", patch.at("/parameters/0/name").asText());
        }
    }

    @Test
    public void aggregatedDiscoveryListsInstalledCrdsWithTheirVersionsAndSchemasInOpenApi() throws Exception {
        try (TestCluster cluster = TestCluster.started()) {
            assertFalse(aggregated(cluster, "/apis").toString().contains("networking.istio.io"));
            cluster.withFixtureCrds();
            JsonNode istio = null;
            for (JsonNode group : aggregated(cluster, "/apis").path("items")) {
                istio = group.at("/metadata/name").asText().equals("networking.istio.io") ? group : istio;
            }
            assertEquals("preferred first", "v1", istio.at("/versions/0/version").asText());
            assertEquals("v1beta1", istio.at("/versions/1/version").asText());
            JsonNode virtualServices = istio.at("/versions/0/resources/0");
            assertEquals("virtualservices", virtualServices.path("resource").asText());
            assertEquals("Namespaced", virtualServices.path("scope").asText());
            assertEquals("[\"vs\"]", virtualServices.path("shortNames").toString());
            assertEquals("status", virtualServices.at("/subresources/0/subresource").asText());
            JsonNode core = aggregated(cluster, "/api").at("/items/0/versions/0");
            assertEquals("v1", core.path("version").asText());
            JsonNode apps = aggregated(cluster, "/apis").path("items").get(0);
            assertEquals("apps", apps.at("/metadata/name").asText());
            assertEquals("deployments", apps.at("/versions/0/resources/0/resource").asText());
            assertEquals("the scale subresource answers in autoscaling/v1", "autoscaling",
                    apps.at("/versions/0/resources/0/subresources/0/responseKind/group").asText());

            RawApi api = new RawApi(cluster);
            JsonNode index = RawApi.json(api.get("/openapi/v3"));
            String url = index.at("/paths/apis~1networking.istio.io~1v1/serverRelativeURL").asText();
            JsonNode schema = RawApi.json(api.get(url)).at("/components/schemas/io.istio.networking.v1.VirtualService");
            assertEquals("array", schema.at("/properties/spec/properties/hosts/type").asText());
            assertEquals("VirtualService", schema.at("/x-kubernetes-group-version-kind/0/kind").asText());
        }
    }

    private static JsonNode aggregated(TestCluster cluster, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.url() + path)).header("Accept",
                "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json").build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(AggregatedDiscovery.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse(""));
        return Json.parse(response.body());
    }

    @Test
    public void rendersTablesWhenAsked() throws Exception {
        try (TestCluster cluster = TestCluster.started()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.url() + "/api/v1/namespaces"))
                    .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json").build();
            JsonNode table = Json.parse(HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString()).body());
            assertEquals("Table", table.path("kind").asText());
            assertEquals("Status", table.at("/columnDefinitions/1/name").asText());
            assertEquals("default", table.at("/rows/0/cells/0").asText());
            assertEquals("Active", table.at("/rows/0/cells/1").asText());
            assertEquals("PartialObjectMetadata", table.at("/rows/0/object/kind").asText());
        }
    }

    @Test
    public void logsEveryRequest() {
        try (TestCluster cluster = TestCluster.started()) {
            RawApi api = new RawApi(cluster);
            api.get("/version");
            api.post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"a\"}}");
            assertEquals("[GET /version [] -> 200, POST /api/v1/namespaces/default/configmaps [application/json] -> 201]",
                    cluster.requests().toString());
            cluster.clearRequests();
            assertTrue(cluster.requests().isEmpty());
        }
    }

    private static void assertStatus(HttpResponse<String> response, int code, String reason, String message) {
        JsonNode status = RawApi.json(response);
        assertEquals(response.body(), code, response.statusCode());
        assertEquals("Status", status.path("kind").asText());
        assertEquals(code, status.path("code").asInt());
        assertEquals(reason, status.path("reason").asText());
        assertTrue(status.path("message").asText(), status.path("message").asText().contains(message));
    }
}
