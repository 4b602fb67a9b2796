package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.rules.ExternalResource;

/**
 * A simulated Kubernetes API server on 127.0.0.1 that real helm and kubectl binaries talk to, with
 * small controllers (namespaces, Deployments, StatefulSets, DaemonSets, Jobs, volumes, garbage
 * collection). Use it as a JUnit rule ({@code @Rule public TestCluster cluster = new TestCluster();})
 * or as an AutoCloseable ({@code try (TestCluster c = TestCluster.started())}).
 * It writes a kubeconfig and an isolated HOME, so clients cache discovery per cluster.
 * See README.md beside it for what it is not.
 */
public final class TestCluster extends ExternalResource implements AutoCloseable {
    private static final List<String> INITIAL_NAMESPACES = List.of("default", "kube-system", "kube-public",
            "kube-node-lease");

    private final ObjectStore store = new ObjectStore();
    private final ResourceCatalog catalog = new ResourceCatalog();
    private final CustomResourceDefinitions definitions = new CustomResourceDefinitions(catalog);
    private final Faults faults = new Faults();
    private final ApiServer server = new ApiServer(store, catalog, definitions, faults);
    private final Rollouts rollouts = new Rollouts();
    private final NamespaceController namespaces = new NamespaceController(store, catalog);
    private final ControllerLoop controllers = new ControllerLoop(List.of(namespaces,
            new GarbageCollector(store, catalog), new DeploymentController(store, rollouts),
            new JobController(store, rollouts), new VolumeBinder(store, rollouts),
            new StatefulSetController(store, rollouts), new DaemonSetController(store, rollouts)));
    private List<String> nodes = List.of(Pods.NODE_NAME);
    private Path directory;
    private boolean fixtureCrds;

    /** A cluster started now, for use outside a rule; close it when done. */
    public static TestCluster started() {
        TestCluster cluster = new TestCluster();
        cluster.before();
        return cluster;
    }

    @Override
    protected void before() {
        try {
            directory = Files.createTempDirectory("testcluster");
            Files.createDirectories(home().resolve(".kube"));
            server.start(0);
            Files.writeString(kubeconfig(), kubeconfigText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        INITIAL_NAMESPACES.forEach(this::createNamespace);
        StandInObjects.create(store, nodes);
        if (fixtureCrds) {
            installFixtureCrds();
        }
        controllers.start();
    }

    @Override
    protected void after() {
        controllers.stop();
        server.stop();
        deleteDirectory();
    }

    @Override
    public void close() {
        after();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public Path home() {
        return directory.resolve("home");
    }

    public Path kubeconfig() {
        return home().resolve(".kube").resolve("config");
    }

    /** What a helm or kubectl process needs to talk to this cluster and nothing else. */
    public Map<String, String> environment() {
        return Map.of("HOME", home().toString(),
                "KUBECONFIG", kubeconfig().toString(),
                "HELM_CACHE_HOME", home().resolve(".cache/helm").toString(),
                "HELM_CONFIG_HOME", home().resolve(".config/helm").toString(),
                "HELM_DATA_HOME", home().resolve(".local/share/helm").toString());
    }

    /** Every request answered so far, oldest first; safe to read while clients run. */
    public List<RecordedRequest> requests() {
        return new ArrayList<>(server.requests());
    }

    public void clearRequests() {
        server.requests().clear();
    }

    /** The faults to inject: failed, delayed and dropped requests. */
    public Faults faults() {
        return faults;
    }

    /** Shorthand for {@code faults().failNext(...)}. */
    public TestCluster failNext(int count, int status, String method, String resource) {
        faults.failNext(count, status, method, resource);
        return this;
    }

    /** Closes the listening socket, so clients get "connection refused"; the objects stay. */
    public void refuseConnections() {
        server.stop();
    }

    /** Listens again on the same port after {@link #refuseConnections()}. */
    public void acceptConnections() {
        try {
            server.start(server.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deployments whose images carry this tag never become ready and fail with ProgressDeadlineExceeded. */
    public TestCluster failImagesWithTag(String tag) {
        rollouts.failImagesWithTag(tag);
        return this;
    }

    /** How long a new ReplicaSet takes to become ready (default 300 ms). */
    public TestCluster readyAfter(Duration delay) {
        rollouts.readyAfter(delay);
        return this;
    }

    /** How long a failing rollout takes to report ProgressDeadlineExceeded (default 1 s). */
    public TestCluster failAfter(Duration delay) {
        rollouts.failAfter(delay);
        return this;
    }

    /**
     * How long a deleted namespace stays {@code Terminating} before it disappears (default 500 ms);
     * its objects are removed at once.
     */
    public TestCluster terminateNamespacesAfter(Duration delay) {
        namespaces.terminateAfter(delay);
        return this;
    }

    /**
     * The stand-in Node objects to create at start (default one, {@code testcluster-node}):
     * DaemonSets run a Pod on each. Call before the cluster starts.
     */
    public TestCluster nodes(String... names) {
        nodes = List.of(names);
        return this;
    }

    /** Leaves the latest revision of a helm release in {@code pending-upgrade}, as a killed agent does. */
    public void leaveReleasePending(String namespace, String release) {
        HelmReleases.setLatestStatus(store, namespace, release, "pending-upgrade");
    }

    /** The status and revision of a helm release's latest record, e.g. {@code pending-upgrade v3}; empty when none. */
    public Optional<String> releaseState(String namespace, String release) {
        try {
            JsonNode labels = HelmReleases.latest(store, namespace, release).path("metadata").path("labels");
            return Optional.of(labels.path("status").asText() + " v" + labels.path("version").asText());
        } catch (ApiException notFound) {
            return Optional.empty();
        }
    }

    /** A stored object, e.g. {@code object("apps/v1", "Deployment", "default", "web")}. */
    public Optional<ObjectNode> object(String apiVersion, String kind, String namespace, String name) {
        ResourceType type = catalog.byKind(apiVersion, kind)
                .orElseThrow(() -> new IllegalArgumentException("not served: " + apiVersion + " " + kind));
        return Optional.ofNullable(store.get(type, type.namespaced() ? namespace : null, name));
    }

    /** Waits until a deleted namespace has finished Terminating and is gone. */
    public void awaitNamespaceGone(String name) {
        Awaits.until("namespace " + name + " gone", () -> store.get(ResourceCatalog.NAMESPACE, null, name) == null);
    }

    /** Creates a namespace directly, without a client. */
    public void createNamespace(String name) {
        ObjectNode namespace = Json.object();
        namespace.put("apiVersion", "v1").put("kind", "Namespace").putObject("metadata").put("name", name);
        create(namespace);
    }

    /**
     * Installs the fixture CRDs ({@link FixtureCrds}: Gateway API and Istio routing kinds) when the
     * cluster starts, or at once when it runs already; their kinds are served from then on.
     */
    public TestCluster withFixtureCrds() {
        fixtureCrds = true;
        if (directory != null) {
            installFixtureCrds();
        }
        return this;
    }

    private void installFixtureCrds() {
        FixtureCrds.definitions().forEach(this::create);
    }

    /** Creates an object of a served kind directly, without a client, as a POST would. */
    public ObjectNode create(ObjectNode object) {
        ResourceType type = catalog.byKind(Json.text(object, "apiVersion"), Json.text(object, "kind"))
                .orElseThrow(() -> new IllegalArgumentException("not served: " + object.path("apiVersion").asText()
                        + " " + object.path("kind").asText()));
        String namespace = type.namespaced() ? Json.text(object, "metadata.namespace") : null;
        RequestPath path = new RequestPath(type, type.namespaced() && namespace == null ? "default" : namespace, null, null);
        return (ObjectNode) server.resources().create(path, object.deepCopy(), Map.of()).body();
    }

    ObjectStore store() {
        return store;
    }

    private String kubeconfigText() {
        return String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: testcluster",
                "  cluster:",
                "    server: " + url(),
                "contexts:",
                "- name: testcluster",
                "  context:",
                "    cluster: testcluster",
                "    user: testcluster",
                "    namespace: default",
                "current-context: testcluster",
                "users:",
                "- name: testcluster",
                "  user: {}",
                "");
    }

    private void deleteDirectory() {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        directory = null;
    }
}
