package io.jenkins.plugins.kubedelivery.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployServices;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployServicesRequest;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.preview.CreatePreviewNamespace;
import io.jenkins.plugins.kubedelivery.engine.preview.DeletePreviewNamespace;
import io.jenkins.plugins.kubedelivery.engine.preview.DeletePreviewRequest;
import io.jenkins.plugins.kubedelivery.engine.preview.Ownership;
import io.jenkins.plugins.kubedelivery.engine.preview.PreviewRequest;
import io.jenkins.plugins.kubedelivery.engine.preview.PreviewResult;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapPreviewNamespaces;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapRequest;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapResult;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.LocalProcessRunner;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** A pull request's whole preview life, with the real kubectl (1.31 and 1.35) and helm 4 against the simulated cluster. */
@RunWith(Parameterized.class)
public class PreviewLifecycleE2ETest {
    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster();

    private final String kubectlVersion;
    private LocalProcessRunner runner;
    private ClusterTarget target;

    public PreviewLifecycleE2ETest(String kubectlVersion) {
        this.kubectlVersion = kubectlVersion;
    }

    @Parameters(name = "kubectl {0}")
    public static Collection<Object[]> versions() {
        return Tools.kubectlParameters();
    }

    @Before
    public void connect() {
        runner = new LocalProcessRunner(fixture.workspace(), cluster.environment());
        target = EngineFixture.target(cluster);
    }

    private EnginePorts ports(Clock clock) {
        return fixture.livePorts(runner, Tools.helm(Tools.HELM_4).toString(), Tools.kubectl(kubectlVersion).toString(), clock);
    }

    private static PreviewRequest request(String pr, String commit, Duration ttl) {
        return new PreviewRequest(pr, "shop", "feature/pr-" + pr, commit, "https://ci.example.com/job/shop/PR-" + pr + "/1/", null,
                "pr-{pr}.{repository}.preview.example.com", ttl, Map.of("pods", "20", "limits.memory", "8Gi"),
                Map.of("memory", "512Mi"), Map.of("cpu", "100m"), true, "ingress-nginx", List.of(), null, Map.of("spot", "true"), Map.of());
    }

    private PreviewResult create(String pr, String commit) throws InterruptedException {
        return new CreatePreviewNamespace(ports(Clock.systemUTC()), target).run(request(pr, commit, Duration.ofHours(72)));
    }

    /** Deleted without waiting: gone, or still Terminating as a real cluster shows it for a while. */
    private void assertBeingDeleted(String namespace) {
        cluster.object("v1", "Namespace", null, namespace).ifPresent(live ->
                assertEquals("Terminating", live.path("status").path("phase").asText()));
    }

    private Map<String, String> labels(String namespace) {
        Map<String, String> labels = new java.util.HashMap<>();
        cluster.object("v1", "Namespace", null, namespace).orElseThrow().path("metadata").path("labels").fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    @Test
    public void createPushDeployAndDelete() throws Exception {
        PreviewResult created = create("42", "aaa111");
        assertTrue(created.created());
        assertEquals("pr-42-shop", created.namespace());
        assertEquals("https://pr-42.shop.preview.example.com", created.url());
        assertEquals("kube-delivery", labels("pr-42-shop").get(Ownership.MANAGED_BY));
        assertTrue(cluster.object("v1", "ResourceQuota", "pr-42-shop", "kube-delivery-preview").isPresent());
        assertTrue(cluster.object("v1", "LimitRange", "pr-42-shop", "kube-delivery-preview").isPresent());
        assertTrue(cluster.object("networking.k8s.io/v1", "NetworkPolicy", "pr-42-shop", "kube-delivery-default-deny").isPresent());

        PreviewResult pushed = create("42", "bbb222");
        assertFalse(pushed.created());
        assertEquals("bbb222", cluster.object("v1", "Namespace", null, "pr-42-shop").orElseThrow()
                .path("metadata").path("annotations").path(Ownership.COMMIT).asText());

        Map<String, Object> deployed = new DeployServices(ports(Clock.systemUTC()), target, "shop PR-42 #2")
                .run(new DeployServicesRequest(List.of("payments", "search"), DeployRequest.builder("any", "preview")
                        .namespace("pr-42-shop").imageTag("bbb222").timeout(Duration.ofSeconds(20)).build(), 4)).toMap();
        assertEquals(1, ((Map<?, ?>) deployed.get("payments")).get("revision"));
        assertEquals(1, ((Map<?, ?>) deployed.get("search")).get("revision"));
        assertEquals("preview", cluster.object("v1", "ConfigMap", "pr-42-shop", "payments-config").orElseThrow()
                .path("data").path("ENVIRONMENT").asText());
        assertEquals("stage", cluster.object("v1", "ConfigMap", "pr-42-shop", "search-config").orElseThrow()
                .path("data").path("ENVIRONMENT").asText());

        DeletePreviewNamespace deletion = new DeletePreviewNamespace(ports(Clock.systemUTC()), target);
        DeletePreviewRequest request = new DeletePreviewRequest("42", "shop", null, null, false);
        assertEquals(Boolean.TRUE, deletion.run(request).toMap().get("deleted"));
        assertBeingDeleted("pr-42-shop");
        cluster.awaitNamespaceGone("pr-42-shop");
        assertEquals(Boolean.TRUE, deletion.run(request).toMap().get("alreadyGone"));
    }

    /** What a user meets who reopens a pull request right after its preview was deleted, while the namespace terminates. */
    @Test
    public void reCreatingWhileTheOldNamespaceTerminatesSaysSoClearly() throws Exception {
        cluster.terminateNamespacesAfter(Duration.ofSeconds(5));
        create("11", "a");
        assertEquals(Boolean.TRUE, new DeletePreviewNamespace(ports(Clock.systemUTC()), target)
                .run(new DeletePreviewRequest("11", "shop", null, null, false)).toMap()
                .get("deleted"));

        EngineException e = assertThrows(EngineException.class, () -> create("11", "b"));
        assertEquals("namespace 'pr-11-shop' is still being deleted (Terminating), after a deletePreviewNamespace or a reap:"
                + " wait until it is gone (kubectl get namespace pr-11-shop) and run the build again", e.getMessage());

        cluster.awaitNamespaceGone("pr-11-shop");
        assertTrue("once it is gone, the same call creates it afresh", create("11", "b").created());
    }

    @Test
    public void aDeleteThatWaitsReturnsOnceTheNamespaceIsGone() throws Exception {
        create("9", "a");
        Map<String, Object> result = new DeletePreviewNamespace(ports(Clock.systemUTC()), target)
                .run(new DeletePreviewRequest("9", "shop", null, null, true)).toMap();
        assertEquals(Boolean.TRUE, result.get("deleted"));
        assertTrue("gone, not Terminating", cluster.object("v1", "Namespace", null, "pr-9-shop").isEmpty());
    }

    @Test
    public void neverAdoptsOrDeletesAForeignNamespace() throws Exception {
        cluster.createNamespace("pr-7-shop");
        EngineException adopt = assertThrows(EngineException.class, () -> create("7", "c"));
        assertTrue(adopt.getMessage(), adopt.getMessage().contains("refusing to adopt it"));
        EngineException delete = assertThrows(EngineException.class,
                () -> new DeletePreviewNamespace(ports(Clock.systemUTC()), target)
                        .run(new DeletePreviewRequest("7", "shop", null, null, false)).toMap());
        assertTrue(delete.getMessage(), delete.getMessage().contains("refusing to delete it"));
        assertTrue(cluster.object("v1", "Namespace", null, "pr-7-shop").isPresent());
    }

    @Test
    public void reapDeletesExpiredAndClosedAndKeepsTheRest() throws Exception {
        create("1", "a");
        create("2", "b");
        new CreatePreviewNamespace(ports(Clock.systemUTC()), target).run(request("3", "c", Duration.ofMinutes(30)));
        create("4", "d");
        new DeletePreviewNamespace(ports(Clock.systemUTC()), target)
                .run(new DeletePreviewRequest("4", "shop", null, null, false)).toMap();
        cluster.awaitNamespaceGone("pr-4-shop");
        cluster.createNamespace("team-db");
        Clock twoHoursLater = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);

        ReapResult dry = new ReapPreviewNamespaces(ports(twoHoursLater), target)
                .run(new ReapRequest(List.of("2", "3"), "shop", true, 4));
        assertEquals(List.of("pr-1-shop", "pr-3-shop"), dry.deleted().stream().sorted().toList());
        assertTrue(cluster.object("v1", "Namespace", null, "pr-1-shop").isPresent());

        cluster.clearRequests();
        ReapResult reaped = new ReapPreviewNamespaces(ports(twoHoursLater), target)
                .run(new ReapRequest(List.of("2", "3"), "shop", false, 4));
        assertEquals(List.of("pr-1-shop", "pr-3-shop"), reaped.deleted().stream().sorted().toList());
        assertEquals(List.of("pr-2-shop"), List.copyOf(reaped.kept().keySet()));
        assertEquals(Map.of(), reaped.failed());
        assertTrue(cluster.object("v1", "Namespace", null, "pr-2-shop").isPresent());
        assertTrue(cluster.object("v1", "Namespace", null, "team-db").isPresent());
        assertBeingDeleted("pr-1-shop");
        long namespaceDeletes = cluster.requests().stream().filter(r -> r.method().equals("DELETE")).count();
        assertEquals(2, namespaceDeletes);
    }
}
