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

public class CreatePreviewNamespaceTest {
    @Rule
    public final EngineFixture fixture = new EngineFixture();

    private final ScriptedRunner runner = new ScriptedRunner();

    private PreviewResult create(PreviewRequest request) throws InterruptedException {
        return new CreatePreviewNamespace(fixture.ports(runner), ClusterTarget.inCluster()).run(request);
    }

    private static final String ALREADY_EXISTS = "Error from server (AlreadyExists): error when creating \"/tmp/x.yaml\":"
            + " namespaces \"pr-42-shop\" already exists\n";

    /** The documents of the staged file the first command of this verb was given, checked to be private. */
    private List<JsonObject> staged(String verb) throws Exception {
        List<String> arguments = runner.commands().stream().filter(c -> ScriptedRunner.verb(c).equals(verb)).findFirst().orElseThrow()
                .arguments();
        Path file = Path.of(arguments.get(arguments.indexOf("--filename") + 1));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<JsonObject> documents = new java.util.ArrayList<>();
        for (String document : Files.readString(file).split("(?m)^---$")) {
            if (!document.isBlank()) {
                documents.add(Json.parse(document).asObject());
            }
        }
        return documents;
    }

    @Test
    public void createsALabelledExpiringNamespaceWithCreateSemanticsThenItsPolicy() throws Exception {
        runner.answer("kubectl create", 0, "namespace/pr-42-shop\n")
                .answer("kubectl apply", 0, "networkpolicy.networking.k8s.io/kube-delivery-default-deny\n");
        PreviewResult result = create(request("42"));

        assertEquals(List.of("kubectl create", "kubectl apply"), runner.verbs());
        assertEquals("pr-42-shop", result.namespace());
        assertEquals("https://pr-42.shop.preview.example.com", result.url());
        assertTrue(result.created());
        assertEquals(EngineFixture.NOW.plus(Duration.ofHours(72)), result.expiresAt());
        JsonObject ns = staged("kubectl create").get(0);
        assertEquals("Namespace", ns.getString("kind", null));
        JsonObject labels = ns.get("metadata").asObject().get("labels").asObject();
        assertEquals("kube-delivery", labels.getString(Ownership.MANAGED_BY, null));
        assertEquals("42", labels.getString(Ownership.PR, null));
        JsonObject annotations = ns.get("metadata").asObject().get("annotations").asObject();
        assertEquals("feature/pay", annotations.getString(Ownership.BRANCH, null));
        assertEquals("abc123", annotations.getString(Ownership.COMMIT, null));
        assertEquals(EngineFixture.NOW.toString(), annotations.getString(Ownership.CREATED_AT, null));
        List<JsonObject> contents = staged("kubectl apply");
        assertEquals(List.of("NetworkPolicy"), contents.stream().map(o -> o.getString("kind", "")).toList());
        Map<String, Object> map = result.toMap();
        assertEquals(Boolean.TRUE, map.get("created"));
        assertTrue(fixture.logText(), fixture.logText().contains("Preview URL: https://pr-42.shop.preview.example.com"));
    }

    @Test
    public void aSecondPushRenewsExpiryFromTheVersionItCheckedAndKeepsTheCreationTime() throws Exception {
        JsonObject live = namespace("pr-42-shop", Map.of(Ownership.MANAGED_BY, Ownership.MANAGER, Ownership.PREVIEW, "true",
                Ownership.PR, "42", Ownership.REPOSITORY, "shop", "added-by-a-policy", "yes"),
                Map.of(Ownership.CREATED_AT, "2026-11-20T08:00:00Z", Ownership.EXPIRES_AT, "2026-11-23T08:00:00Z"), "Active");
        runner.answer("kubectl create", 1, ALREADY_EXISTS).answer("kubectl get namespace", 0, live.toString())
                .answer("kubectl replace", 0, "namespace/pr-42-shop\n").answer("kubectl apply", 0, "networkpolicy/x\n");
        PreviewResult result = create(request("42"));

        assertFalse(result.created());
        assertEquals(List.of("kubectl create", "kubectl get namespace", "kubectl replace", "kubectl apply"), runner.verbs());
        JsonObject metadata = staged("kubectl replace").get(0).get("metadata").asObject();
        assertEquals("the replace requires the version whose ownership was checked", "17", metadata.getString("resourceVersion", null));
        assertEquals(PreviewFixtures.uid("pr-42-shop"), metadata.getString("uid", null));
        JsonObject annotations = metadata.get("annotations").asObject();
        assertEquals("2026-11-20T08:00:00Z", annotations.getString(Ownership.CREATED_AT, null));
        assertEquals(EngineFixture.NOW.plus(Duration.ofHours(72)).toString(), annotations.getString(Ownership.EXPIRES_AT, null));
        assertEquals("what others added stays", "yes", metadata.get("labels").asObject().getString("added-by-a-policy", null));
    }

    @Test
    public void aNamespaceChangedBetweenItsCheckAndItsRenewalIsLeftAlone() {
        runner.answer("kubectl create", 1, ALREADY_EXISTS)
                .answer("kubectl get namespace", 0, namespace("pr-42-shop", owned("42", "shop"), Map.of(), "Active").toString())
                .answer("kubectl replace", 1, "Error from server (Conflict): error when replacing \"/tmp/x.json\": Operation cannot be"
                        + " fulfilled on namespaces \"pr-42-shop\": the object has been modified; please apply your changes to the"
                        + " latest version and try again\n");
        runner.answer("kubectl get namespace", 0, namespace("pr-42-shop", Map.of("team", "db"), Map.of(), "Active").toString());
        EngineException e = assertThrows(EngineException.class, () -> create(request("42")));
        assertEquals("namespace 'pr-42-shop' changed since it was checked (someone changed it after its ownership was checked):"
                + " left alone; run the build again to check it afresh", e.getMessage());
        assertFalse(runner.verbs().contains("kubectl apply"));
    }

    @Test
    public void aPreviewStillBeingDeletedIsReportedAsSuch() {
        runner.answer("kubectl create", 1, ALREADY_EXISTS)
                .answer("kubectl get namespace", 0, namespace("pr-42-shop", owned("42", "shop"), Map.of(), "Terminating").toString());
        EngineException e = assertThrows(EngineException.class, () -> create(request("42")));
        assertTrue(e.getMessage(), e.getMessage().startsWith("namespace 'pr-42-shop' is still being deleted (Terminating)"));
        assertTrue(e.getMessage(), e.getMessage().contains("wait until it is gone"));
        assertEquals(List.of("kubectl create", "kubectl get namespace"), runner.verbs());
    }

    @Test
    public void refusesToAdoptANamespaceItDoesNotOwn() {
        runner.answer("kubectl create", 1, ALREADY_EXISTS)
                .answer("kubectl get namespace", 0, namespace("pr-42-shop", Map.of("team", "payments"), Map.of(), "Active").toString());
        EngineException e = assertThrows(EngineException.class, () -> create(request("42")));
        assertTrue(e.getMessage(), e.getMessage().contains("refusing to adopt it"));
        assertEquals(List.of("kubectl create", "kubectl get namespace"), runner.verbs());
    }

    @Test
    public void refusesANamespaceOfAnotherPullRequest() {
        runner.answer("kubectl create", 1, ALREADY_EXISTS)
                .answer("kubectl get namespace", 0, namespace("pr-42-shop", owned("41", "shop"), Map.of(), "Active").toString());
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
        runner.answer("kubectl get secrets", 0, secret).answer("kubectl create", 0, "namespace/pr-7-shop\n")
                .answer("kubectl apply", 0, "resourcequota/kube-delivery-preview\n");
        create(r);
        assertEquals("Secrets are read before anything is written", List.of("kubectl get secrets", "kubectl create", "kubectl apply"),
                runner.verbs());
        List<JsonObject> items = new java.util.ArrayList<>(staged("kubectl create"));
        items.addAll(staged("kubectl apply"));
        assertEquals(List.of("Namespace", "ResourceQuota", "LimitRange", "Secret"), items.stream().map(i -> i.getString("kind", "")).toList());
        for (JsonObject item : items.subList(1, items.size())) {
            JsonObject metadata = item.get("metadata").asObject();
            assertEquals("pr-7-shop", metadata.getString("namespace", null));
            assertEquals("kube-delivery", metadata.get("labels").asObject().getString(Ownership.MANAGED_BY, null));
        }
        JsonObject copied = items.get(3);
        assertEquals(null, copied.get("metadata").asObject().get("uid"));
        assertEquals("c2VjcmV0LXZhbHVl", copied.get("data").asObject().getString(".dockerconfigjson", null));
        assertEquals("true", items.get(0).get("metadata").asObject().get("labels").asObject().getString("spot", null));
        assertFalse(fixture.logText().contains("c2VjcmV0LXZhbHVl"));
        assertEquals(List.of("kubectl", "get", "secrets", "registry-pull", "--namespace", "ci-secrets", "--output", "json"),
                runner.commands().get(0).arguments());
    }
}
