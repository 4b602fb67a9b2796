package io.jenkins.plugins.kubedelivery.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.preview.CreatePreviewNamespace;
import io.jenkins.plugins.kubedelivery.engine.preview.DeletePreviewNamespace;
import io.jenkins.plugins.kubedelivery.engine.preview.DeletePreviewRequest;
import io.jenkins.plugins.kubedelivery.engine.preview.Ownership;
import io.jenkins.plugins.kubedelivery.engine.preview.PreviewRequest;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapPreviewNamespaces;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapRequest;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapResult;
import io.jenkins.plugins.kubedelivery.testcluster.ClientProcess;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.LocalProcessRunner;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * Ownership races, with the real kubectl against the simulated cluster: someone else changes a
 * namespace after the plugin checked it and before its write or delete reaches the API server.
 * The race is injected where it happens: before the command that acts on the check, and, for a
 * delete, while the DELETE request is held back by the cluster's injected latency (so the change
 * also lands between kubectl's own lookup and its delete by name). Nothing foreign may be adopted
 * or deleted.
 */
@RunWith(Parameterized.class)
public class PreviewOwnershipRaceE2ETest {
    /** Latency injected into every namespace DELETE: the window the auditors widened. */
    private static final Duration DELETE_LATENCY = Duration.ofSeconds(3);

    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster().terminateNamespacesAfter(Duration.ofSeconds(5));

    private final String kubectlVersion;
    private HookedRunner runner;
    private ClusterTarget target;

    public PreviewOwnershipRaceE2ETest(String kubectlVersion) {
        this.kubectlVersion = kubectlVersion;
    }

    @Parameters(name = "kubectl {0}")
    public static Collection<Object[]> versions() {
        return Tools.kubectlParameters();
    }

    @Before
    public void connect() {
        runner = new HookedRunner(new LocalProcessRunner(fixture.workspace(), cluster.environment()));
        target = EngineFixture.target(cluster);
    }

    @After
    public void awaitRaces() {
        runner.awaitRace();
    }

    private EnginePorts ports(Clock clock) {
        return fixture.livePorts(runner, Tools.helm(Tools.HELM_4).toString(), Tools.kubectl(kubectlVersion).toString(), clock);
    }

    private static PreviewRequest request(String pr, Duration ttl) {
        return new PreviewRequest(pr, "shop", "feature/pr-" + pr, "c0ffee", null, null, null, ttl, Map.of("pods", "20"), Map.of(),
                Map.of(), true, "ingress-nginx", List.of(), null, Map.of(), Map.of());
    }

    private void createPreview(String pr, Duration ttl) throws InterruptedException {
        new CreatePreviewNamespace(ports(Clock.systemUTC()), target).run(request(pr, ttl));
    }

    @Test
    public void aForeignNamespaceCreatedBetweenTheCheckAndTheCreateIsNotAdopted() throws Exception {
        runner.before(Set.of("apply", "create"), () -> cluster.createNamespace("pr-42-shop"));

        EngineException e = assertThrows(EngineException.class, () -> createPreview("42", Duration.ofHours(72)));

        assertTrue(e.getMessage(), e.getMessage().contains("already exists and is not a kube-delivery preview"));
        assertFalse("not adopted: " + labels("pr-42-shop"), labels("pr-42-shop").containsKey(Ownership.MANAGED_BY));
        assertTrue("nothing put into it", cluster.object("v1", "ResourceQuota", "pr-42-shop", "kube-delivery-preview").isEmpty());
    }

    @Test
    public void aPreviewTakenOverBetweenTheCheckAndTheRenewalIsLeftAlone() throws Exception {
        createPreview("42", Duration.ofHours(72));
        runner.before(Set.of("apply", "replace"), () -> kubectl("label", "namespace", "pr-42-shop", Ownership.MANAGED_BY + "=someone-else",
                "--overwrite"));

        EngineException e = assertThrows(EngineException.class, () -> createPreview("42", Duration.ofHours(72)));

        assertTrue(e.getMessage(), e.getMessage().contains("changed since it was checked"));
        assertTrue(e.getMessage(), e.getMessage().contains("left alone"));
        assertEquals("someone-else", labels("pr-42-shop").get(Ownership.MANAGED_BY));
    }

    @Test
    public void aPreviewWhoseLabelsAreRemovedBeforeItsDeleteIsNotDeleted() throws Exception {
        createPreview("42", Duration.ofHours(72));
        cluster.faults().delay(DELETE_LATENCY, "DELETE", "namespaces");
        runner.whileDeleting("pr-42-shop", () -> kubectl("label", "namespace", "pr-42-shop", Ownership.MANAGED_BY + "-"));

        EngineException e = assertThrows(EngineException.class,
                () -> new DeletePreviewNamespace(ports(Clock.systemUTC()), target)
                        .run(new DeletePreviewRequest("42", "shop", null, null, false)).toMap());

        runner.awaitRace();
        assertTrue(e.getMessage(), e.getMessage().startsWith("namespace 'pr-42-shop' changed since its ownership was checked"));
        assertTrue(e.getMessage(), e.getMessage().contains("left alone"));
        assertEquals("still there and not being deleted", "Active", phase("pr-42-shop"));
    }

    @Test
    public void theReapLeavesAPreviewWhoseLabelsAreRemovedAfterTheListAndDeletesTheRest() throws Exception {
        createPreview("40", Duration.ofMinutes(30));
        createPreview("41", Duration.ofMinutes(30));
        cluster.faults().delay(DELETE_LATENCY, "DELETE", "namespaces");
        runner.whileDeleting("pr-41-shop", () -> kubectl("label", "namespace", "pr-41-shop", Ownership.MANAGED_BY + "-"));
        cluster.clearRequests();
        Clock twoHoursLater = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);

        ReapResult reaped = new ReapPreviewNamespaces(ports(twoHoursLater), target).run(new ReapRequest(null, "shop", false, 2));

        runner.awaitRace();
        assertEquals(List.of("pr-40-shop"), reaped.deleted());
        assertEquals(Map.of("pr-41-shop", "changed since it was listed: left alone"), reaped.kept());
        assertEquals(Map.of(), reaped.failed());
        assertEquals("Active", phase("pr-41-shop"));
        assertEquals("Terminating", phase("pr-40-shop"));
        assertEquals("one list and one delete per expired namespace", List.of("get", "delete", "delete"),
                runner.verbs().subList(runner.verbs().size() - 3, runner.verbs().size()));
    }

    @Test
    public void recreatingAPreviewStillBeingDeletedSaysSoInsteadOfAKubectlError() throws Exception {
        createPreview("42", Duration.ofHours(72));
        new DeletePreviewNamespace(ports(Clock.systemUTC()), target)
                .run(new DeletePreviewRequest("42", "shop", null, null, false)).toMap();

        EngineException e = assertThrows(EngineException.class, () -> createPreview("42", Duration.ofHours(72)));

        assertEquals("namespace 'pr-42-shop' is still being deleted (Terminating), after a deletePreviewNamespace or a reap:"
                + " wait until it is gone (kubectl get namespace pr-42-shop) and run the build again", e.getMessage());
        cluster.awaitNamespaceGone("pr-42-shop");
        createPreview("42", Duration.ofHours(72));
        assertEquals("Active", phase("pr-42-shop"));
    }

    @Test
    public void aPreviewDeletedBetweenTheCheckAndTheRenewalSaysItIsStillBeingDeleted() throws Exception {
        createPreview("42", Duration.ofHours(72));
        runner.before(Set.of("apply", "replace"), () -> kubectl("delete", "namespace", "pr-42-shop", "--wait=false"));

        EngineException e = assertThrows(EngineException.class, () -> createPreview("42", Duration.ofHours(72)));

        assertTrue(e.getMessage(), e.getMessage().startsWith("namespace 'pr-42-shop' is still being deleted (Terminating)"));
    }

    private Map<String, String> labels(String namespace) {
        Map<String, String> labels = new java.util.HashMap<>();
        cluster.object("v1", "Namespace", null, namespace).orElseThrow().path("metadata").path("labels").fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private String phase(String namespace) {
        return cluster.object("v1", "Namespace", null, namespace).map(n -> n.path("status").path("phase").asText()).orElse("gone");
    }

    /** Someone else's kubectl, as another person or controller would run it. */
    private void kubectl(String... args) {
        ClientProcess.Result result = ClientProcess.run(cluster, Duration.ofSeconds(30), Tools.kubectl(kubectlVersion), args);
        assertTrue(result.toString(), result.succeeded());
    }

    /**
     * Runs the engine's commands, and the injected change at the moment of the race: before the
     * first command of the given verbs, or while a namespace's DELETE is held back by the cluster.
     */
    private final class HookedRunner implements CommandRunner {
        private final CommandRunner delegate;
        private final List<String> verbs = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final AtomicReference<Set<String>> beforeVerbs = new AtomicReference<>();
        private final AtomicReference<Runnable> change = new AtomicReference<>();
        private volatile String deleting;
        private volatile CompletableFuture<Void> race = CompletableFuture.completedFuture(null);

        HookedRunner(CommandRunner delegate) {
            this.delegate = delegate;
        }

        void before(Set<String> verbsToPrecede, Runnable theChange) {
            beforeVerbs.set(verbsToPrecede);
            change.set(theChange);
        }

        /**
         * When the delete of {@code namespace} starts, the change is made once kubectl has looked
         * the namespace up (its own list, for a delete by selector) or, at the latest, after half a
         * second: in both cases before the held-back DELETE reaches the cluster's handler.
         */
        void whileDeleting(String namespace, Runnable theChange) {
            deleting = namespace;
            change.set(theChange);
        }

        @Override
        public CommandResult run(CommandLine command, Duration timeout) throws IOException, InterruptedException {
            String verb = command.arguments().get(1);
            verbs.add(verb);
            Set<String> precede = beforeVerbs.get();
            if (precede != null && precede.contains(verb) && beforeVerbs.compareAndSet(precede, null)) {
                change.getAndSet(null).run();
            } else if ("delete".equals(verb) && deleting != null && command.toString().contains(deleting)) {
                Runnable theChange = change.getAndSet(null);
                String name = deleting;
                deleting = null;
                race = CompletableFuture.runAsync(() -> {
                    awaitLookupOf(name);
                    theChange.run();
                });
            }
            return delegate.run(command, timeout);
        }

        private void awaitLookupOf(String name) {
            long deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
            while (System.nanoTime() < deadline && cluster.requests().stream().noneMatch(r -> r.method().equals("GET")
                    && r.pathAndQuery().contains("fieldSelector=metadata.name%3D" + name))) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void awaitRace() {
            race.join();
        }

        List<String> verbs() {
            return List.copyOf(verbs);
        }
    }
}
