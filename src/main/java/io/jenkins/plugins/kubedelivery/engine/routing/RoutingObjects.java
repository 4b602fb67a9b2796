package io.jenkins.plugins.kubedelivery.engine.routing;

import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.cli.StagingArea;
import io.jenkins.plugins.kubedelivery.engine.cli.WriteOutcome;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The routers' way to the cluster: reads through kubectl, and writes that are conditional on what
 * was read. An update replaces the object from the resourceVersion it was read at, so the API server
 * refuses it (409 Conflict) when anyone changed the object in between; the update then reads the
 * object again and retries, at most {@link #ATTEMPTS} times, but only while the new read still
 * passes the router's ownership check and what the plugin owns there (its weights and state) is
 * exactly as it was at the first read: an unrelated edit (a label, another rule) is kept and
 * worked around, while a change to the traffic split itself means someone else is moving it, and
 * the plugin stops rather than overwrite them.
 */
public final class RoutingObjects {
    /** Reads and writes of one change; a conflict on each means the object is being edited continuously. */
    public static final int ATTEMPTS = 3;

    private final KubectlClient kubectl;
    private final StagingArea staging;
    private final EngineLog log;
    private final boolean serverDryRun;
    /** The state every object read must carry, if it carries one; null to accept any. */
    private final RouteState expected;

    public RoutingObjects(KubectlClient kubectl, StagingArea staging, EngineLog log) {
        this(kubectl, staging, log, false, null);
    }

    private RoutingObjects(KubectlClient kubectl, StagingArea staging, EngineLog log, boolean serverDryRun, RouteState expected) {
        this.kubectl = kubectl;
        this.staging = staging;
        this.log = log;
        this.serverDryRun = serverDryRun;
        this.expected = expected;
    }

    /**
     * The same objects, with every write a server-side dry run: a router over them checks, before any
     * traffic moves, everything its real write would meet (its own ownership and shape checks, the API
     * server's admission and schema, the preconditions) and changes nothing. Its log lines then say
     * what would be done: give such a router a log that says it is a dry run.
     */
    public RoutingObjects serverDryRun() {
        return new RoutingObjects(kubectl, staging, log, true, expected);
    }

    /**
     * The same objects, for acting on a canary judged by its recorded state (a leftover of a build that
     * ended): every object read, and the very read each write is conditional on, must carry that state
     * or none, so that a canary another run started or took over in between is never changed; the
     * router then stops with a {@link RecordChangedException} before its first write, or at it.
     */
    public RoutingObjects onlyWhileRecorded(RouteState state) {
        return new RoutingObjects(kubectl, staging, log, serverDryRun, state);
    }

    public Optional<JsonObject> get(KubeResource resource, String namespace, String name) throws InterruptedException {
        Optional<JsonObject> read = kubectl.object(resource.qualified(), name, namespace);
        read.ifPresent(object -> requireExpected(resource, object));
        return read;
    }

    private void requireExpected(KubeResource resource, JsonObject object) {
        Optional<RouteState> now = expected == null ? Optional.empty() : RouteState.of(object);
        if (now.isPresent() && !now.get().equals(expected)) {
            throw new RecordChangedException(KubeObjects.describe(resource.kind().toLowerCase(java.util.Locale.ROOT), object)
                    + " now records " + now.get() + ", not the canary it was read with (" + expected + "): another run"
                    + " has taken it over, so it was left alone");
        }
    }

    public List<JsonObject> list(KubeResource resource, String namespace) throws InterruptedException {
        return kubectl.objects(resource.qualified(), namespace);
    }

    /** Creates the object with create semantics: {@link WriteOutcome#EXISTS} when its name is taken, nothing overwritten. */
    public WriteOutcome create(JsonObject object) throws InterruptedException {
        return kubectl.create(stage(object), serverDryRun);
    }

    /**
     * Changes an object the router may change: reads it, then writes from the version read.
     *
     * @param owned the part of the object the plugin owns (weights, state), compared between reads
     * @param change checks the object as read (ownership and shape, throwing {@link RoutingException})
     *     and returns the object to write: a changed copy that keeps the resourceVersion it was read at
     * @return the object as written
     * @throws RoutingException when the object is missing, or changed in what the plugin owns, or kept changing
     */
    public JsonObject update(KubeResource resource, String namespace, String name, Function<JsonObject, Object> owned,
            UnaryOperator<JsonObject> change) throws InterruptedException {
        return update(resource, namespace, name, null, owned, change);
    }

    /**
     * As {@link #update(KubeResource, String, String, Function, UnaryOperator)}, from a read the router
     * already made and decided on: the first write carries that read's resourceVersion, so a change
     * made since that read is caught too, and saves a read when nothing changed.
     */
    public JsonObject update(KubeResource resource, JsonObject read, Function<JsonObject, Object> owned,
            UnaryOperator<JsonObject> change) throws InterruptedException {
        return update(resource, KubeObjects.namespace(read), KubeObjects.name(read), read, owned, change);
    }

    private JsonObject update(KubeResource resource, String namespace, String name, JsonObject firstRead,
            Function<JsonObject, Object> owned, UnaryOperator<JsonObject> change) throws InterruptedException {
        JsonObject[] written = new JsonObject[1];
        boolean found = guarded(resource, namespace, name, firstRead, owned, live -> {
            written[0] = change.apply(live);
            return kubectl.replace(stage(written[0]), serverDryRun);
        });
        if (!found) {
            throw new RoutingException(resource.describe(namespace, name) + " does not exist (or was deleted while the plugin"
                    + " changed it): create it, or name the object that routes the service");
        }
        return written[0];
    }

    /**
     * Deletes an object the router owns, with preconditions on the uid and resourceVersion it read and checked.
     *
     * @param check throws a {@link RoutingException} when the object as read is not the plugin's to delete
     * @return false when there was nothing to delete
     */
    public boolean delete(KubeResource resource, String namespace, String name, Function<JsonObject, Object> owned,
            Consumer<JsonObject> check) throws InterruptedException {
        String what = resource.describe(namespace, name);
        return guarded(resource, namespace, name, null, owned, live -> {
            check.accept(live);
            JsonObject metadata = KubeObjects.object(live, "metadata");
            return kubectl.deleteObject(resource.apiPath(namespace, name), what, metadata.getString("uid", null),
                    metadata.getString("resourceVersion", null), serverDryRun, staging);
        });
    }

    /** One conditional write, from the object as read. */
    private interface Write {
        WriteOutcome from(JsonObject live) throws InterruptedException;
    }

    /**
     * @param firstRead the object as the caller read it, for the first attempt; {@code null} to read it here
     * @return false when the object was not there (at a read, or at the write)
     */
    private boolean guarded(KubeResource resource, String namespace, String name, JsonObject firstRead,
            Function<JsonObject, Object> owned, Write write) throws InterruptedException {
        String what = resource.describe(namespace, name);
        Object ownedAtFirstRead = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<JsonObject> read = attempt == 1 && firstRead != null ? Optional.of(firstRead)
                    : get(resource, namespace, name);
            if (read.isEmpty()) {
                return false;
            }
            requireExpected(resource, read.get()); // on the read this attempt's write is conditional on
            Object ownedNow = owned.apply(read.get());
            if (attempt == 1) {
                ownedAtFirstRead = ownedNow;
            } else if (!ownedNow.equals(ownedAtFirstRead)) {
                throw new RoutingException(what + " changed between the plugin's read and its write, and the change touched"
                        + " what the plugin owns there (" + ownedAtFirstRead + " became " + ownedNow + "): another canary run"
                        + " or a person is moving this traffic, so the plugin left it alone; find out who (the "
                        + RouteState.ANNOTATION + " annotation names the build) and run again");
            }
            switch (write.from(read.get())) {
                case DONE:
                    return true;
                case GONE:
                    return false;
                default:
                    log.line(what + " changed after it was read (attempt " + attempt + " of " + ATTEMPTS + "): reading it"
                            + " again");
            }
        }
        throw new RoutingException(what + " changed between read and write on each of " + ATTEMPTS + " attempts, so the"
                + " plugin left it alone: something edits it continuously (a controller reconciling it from another"
                + " source?); stop that, then run again");
    }

    /** The object goes to kubectl as a file: its content is user data, never an argument. */
    private String stage(JsonObject object) throws InterruptedException {
        try {
            return staging.write(StagingArea.uniqueName("routing-" + KubeObjects.name(object), ".json"), object.toString());
        } catch (IOException e) {
            throw new EngineException("could not write " + KubeObjects.name(object) + " for kubectl: " + e.getMessage(), e);
        }
    }
}
