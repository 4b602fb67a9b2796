package io.jenkins.plugins.kubedelivery.engine.preview;

import static io.jenkins.plugins.kubedelivery.engine.preview.PreviewFixtures.namespace;
import static io.jenkins.plugins.kubedelivery.engine.preview.PreviewFixtures.owned;
import static io.jenkins.plugins.kubedelivery.engine.preview.PreviewFixtures.request;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.ScriptedRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;

public class PreviewNamespacesTest {
    @Rule
    public final EngineFixture fixture = new EngineFixture();

    private final ScriptedRunner runner = new ScriptedRunner();

    private PreviewResult create(PreviewRequest request) throws InterruptedException {
        return new PreviewNamespaces(fixture.ports(runner)).create(request, ClusterTarget.inCluster());
    }

    private JsonObject appliedList() throws Exception {
        String file = runner.commands().stream().filter(c -> c.arguments().get(1).equals("apply")).findFirst().orElseThrow()
                .arguments().get(3);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(file))));
        com.eclipsesource.json.JsonArray items = new com.eclipsesource.json.JsonArray();
        for (String document : Files.readString(Path.of(file)).split("(?m)^---$")) {
            if (!document.isBlank()) {
                items.add(Json.parse(document));
            }
        }
        return new JsonObject().add("items", items);
    }

    @Test
    public void createsALabelledExpiringNamespaceWithItsPolicyInOneApply() throws Exception {
        runner.answer("kubectl get namespace", 0, "").answer("kubectl apply", 0, "namespace/pr-42-shop\nnetworkpolicy.networking.k8s.io/kube-delivery-default-deny\n");
        PreviewResult result = create(request("42"));

        assertEquals(List.of("kubectl get namespace", "kubectl apply"), runner.verbs());
        assertEquals("pr-42-shop", result.namespace());
        assertEquals("https://pr-42.shop.preview.example.com", result.url());
        assertTrue(result.created());
        assertEquals(EngineFixture.NOW.plus(Duration.ofHours(72)), result.expiresAt());
        JsonObject list = appliedList();
        JsonObject ns = list.get("items").asArray().get(0).asObject();
        JsonObject labels = ns.get("metadata").asObject().get("labels").asObject();
        assertEquals("kube-delivery", labels.getString(Ownership.MANAGED_BY, null));
        assertEquals("42", labels.getString(Ownership.PR, null));
        JsonObject annotations = ns.get("metadata").asObject().get("annotations").asObject();
        assertEquals("feature/pay", annotations.getString(Ownership.BRANCH, null));
        assertEquals("abc123", annotations.getString(Ownership.COMMIT, null));
        assertEquals(EngineFixture.NOW.toString(), annotations.getString(Ownership.CREATED_AT, null));
        assertEquals("NetworkPolicy", list.get("items").asArray().get(1).asObject().getString("kind", null));
        assertEquals(2, list.get("items").asArray().size());
        Map<String, Object> map = result.toMap();
        assertEquals(Boolean.TRUE, map.get("created"));
        assertTrue(fixture.logText(), fixture.logText().contains("Preview URL: https://pr-42.shop.preview.example.com"));
    }

    @Test
    public void aSecondPushRenewsExpiryAndKeepsTheCreationTime() throws Exception {
        runner.answer("kubectl get namespace", 0, namespace("pr-42-shop", owned("42", "shop"),
                Map.of(Ownership.CREATED_AT, "2026-11-20T08:00:00Z", Ownership.EXPIRES_AT, "2026-11-23T08:00:00Z"), "Active").toString())
                .answer("kubectl apply", 0, "namespace/pr-42-shop\n");
        PreviewResult result = create(request("42"));
        assertFalse(result.created());
        JsonObject annotations = appliedList().get("items").asArray().get(0).asObject().get("metadata").asObject().get("annotations").asObject();
        assertEquals("2026-11-20T08:00:00Z", annotations.getString(Ownership.CREATED_AT, null));
        assertEquals(EngineFixture.NOW.plus(Duration.ofHours(72)).toString(), annotations.getString(Ownership.EXPIRES_AT, null));
    }

    @Test
    public void refusesToAdoptANamespaceItDoesNotOwn() {
        runner.answer("kubectl get namespace", 0, namespace("pr-42-shop", Map.of("team", "payments"), Map.of(), "Active").toString());
        EngineException e = assertThrows(EngineException.class, () -> create(request("42")));
        assertTrue(e.getMessage(), e.getMessage().contains("refusing to adopt it"));
        assertEquals(List.of("kubectl get namespace"), runner.verbs());
    }

    @Test
    public void refusesANamespaceOfAnotherPullRequest() {
        runner.answer("kubectl get namespace", 0, namespace("pr-42-shop", owned("41", "shop"), Map.of(), "Active").toString());
        EngineException e = assertThrows(EngineException.class, () -> create(request("42")));
        assertTrue(e.getMessage(), e.getMessage().contains("belongs to PR 41 of shop"));
    }

    @Test
    public void quotaLimitsAndCopiedSecretsAreOwnedAndSecretValuesStayInTheFile() throws Exception {
        PreviewRequest base = request("7");
        PreviewRequest r = new PreviewRequest("7", "shop", null, null, null, null, null, Duration.ofHours(1),
                Map.of("limits.memory", "8Gi", "pods", "20"), Map.of("memory", "512Mi"), Map.of("cpu", "100m"), false,
                base.ingressNamespace(), List.of("registry-pull"), "ci-secrets", Map.of("spot", "true"), Map.of("owner", "team-pay"));
        String secret = "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"registry-pull\",\"namespace\":\"ci-secrets\","
                + "\"uid\":\"u-1\",\"resourceVersion\":\"9\"},\"type\":\"kubernetes.io/dockerconfigjson\",\"data\":{\".dockerconfigjson\":\"c2VjcmV0LXZhbHVl\"}}";
        runner.answer("kubectl get namespace", 0, "").answer("kubectl get secrets", 0, secret).answer("kubectl apply", 0, "namespace/pr-7-shop\n");
        create(r);
        List<JsonValue> items = appliedList().get("items").asArray().values();
        assertEquals(List.of("Namespace", "ResourceQuota", "LimitRange", "Secret"), items.stream().map(i -> i.asObject().getString("kind", "")).toList());
        for (JsonValue item : items.subList(1, items.size())) {
            JsonObject metadata = item.asObject().get("metadata").asObject();
            assertEquals("pr-7-shop", metadata.getString("namespace", null));
            assertEquals("kube-delivery", metadata.get("labels").asObject().getString(Ownership.MANAGED_BY, null));
        }
        JsonObject copied = items.get(3).asObject();
        assertEquals(null, copied.get("metadata").asObject().get("uid"));
        assertEquals("c2VjcmV0LXZhbHVl", copied.get("data").asObject().getString(".dockerconfigjson", null));
        assertEquals("true", items.get(0).asObject().get("metadata").asObject().get("labels").asObject().getString("spot", null));
        assertFalse(fixture.logText().contains("c2VjcmV0LXZhbHVl"));
        assertEquals(List.of("kubectl", "get", "secrets", "registry-pull", "--namespace", "ci-secrets", "--output", "json"),
                runner.commands().get(1).arguments());
    }
}
