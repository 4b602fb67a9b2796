package io.jenkins.plugins.kubedelivery.engine.routing;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.cli.StagingArea;
import io.jenkins.plugins.kubedelivery.engine.cli.WriteOutcome;
import io.jenkins.plugins.kubedelivery.engine.cli.Written;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The routers' way to the cluster: reads through kubectl, and writes that are conditional on what
 * was read or last written. Each write prints the object as the API server stored it, and these
 * objects keep it ({@link #known}): the next write to it is conditional on that version (a replace
 * from its resourceVersion, a JSON patch whose {@code test} operations hold what the plugin owns, a
 * delete with uid and resourceVersion preconditions), so a canary's later weights and its return to
 * stable cost one call each, no read. The API server refuses such a write (409 Conflict, or 422 for a
 * failed test) when anyone changed the object in between; the write then reads the object again and
 * retries, at most {@link #ATTEMPTS} times in all. A weight goes on only while the new read still
 * passes the router's ownership check and what the plugin owns there (its weights and state) is exactly
 * as the plugin last wrote or read it: an unrelated edit (a label, another rule) is kept and worked
 * around, while a change to the traffic split itself means someone else is moving it, and the plugin
 * stops rather than overwrite them. A return to stable decides again from the new read instead (the
 * ownership check still applies): sending traffic back to stable must not stop at an edit of the weights.
 *
 * <p>What is known lives as long as this instance, which is one canary execution's: a resumed execution
 * starts with nothing known, reads once, and writes from that read. A {@link #serverDryRun} instance and
 * an {@link #onlyWhileRecorded} one share what this one knows: what the dry run reads before the first
 * weight serves that weight's real write, which is conditional on it all the same.
 */
public final class RoutingObjects {
    /**
     * Writes of one change (the first from what is known, or from a read); a conflict on each means the object is
     * being edited continuously.
     */
    public static final int ATTEMPTS = 3;

    private final KubectlClient kubectl;
    private final StagingArea staging;
    private final EngineLog log;
    private final boolean serverDryRun;
    /** The state every object read must carry, if it carries one; null to accept any. */
    private final RouteState expected;
    /** Each object as last read or written, by API path; absent when not known (or a write's fate is not). */
    private final Map<String, JsonObject> known;
    /** Each list as last read, by resource and namespace, until the plugin writes an object of that resource there. */
    private final Map<String, List<JsonObject>> knownLists;

    public RoutingObjects(KubectlClient kubectl, StagingArea staging, EngineLog log) {
        this(kubectl, staging, log, false, null, new HashMap<>(), new HashMap<>());
    }

    private RoutingObjects(KubectlClient kubectl, StagingArea staging, EngineLog log, boolean serverDryRun, RouteState expected,
            Map<String, JsonObject> known, Map<String, List<JsonObject>> knownLists) {
        this.kubectl = kubectl;
        this.staging = staging;
        this.log = log;
        this.serverDryRun = serverDryRun;
        this.expected = expected;
        this.known = known;
        this.knownLists = knownLists;
    }

    /**
     * The same objects, with every write a server-side dry run: a router over them checks, before any
     * traffic moves, everything its real write would meet (its own ownership and shape checks, the API
     * server's admission and schema, the preconditions) and changes nothing. It shares what these objects
     * know both ways: its reads serve their next write (one read fewer before the first weight), and since
     * its writes change nothing, they leave what is known as it was.
     *
     * @param dryRunLog where its lines go: a log that says they are a dry run's, since they say what would be done
     */
    public RoutingObjects serverDryRun(EngineLog dryRunLog) {
        return new RoutingObjects(kubectl, staging, dryRunLog, true, expected, known, knownLists);
    }

    /**
     * The same objects, for acting on a canary judged by its recorded state (a leftover of a build that
     * ended): every object read, and the very read each write is conditional on, must carry that state
     * or none, so that a canary another run started or took over in between is never changed; the
     * router then stops with a {@link RecordChangedException} before its first write, or at it. It shares what
     * these objects know (the reads the canary was judged by): a known object is checked for the state too before a
     * write is made conditional on it, so the reset of a canary just read is one call.
     */
    public RoutingObjects onlyWhileRecorded(RouteState state) {
        return new RoutingObjects(kubectl, staging, log, serverDryRun, state, known, knownLists);
    }

    /** Reads the object (and knows it from then on, or knows nothing of it when it does not exist). */
    public Optional<JsonObject> get(KubeResource resource, String namespace, String name) throws InterruptedException {
        Optional<JsonObject> read = kubectl.object(resource.qualified(), name, namespace);
        read.ifPresent(object -> requireExpected(resource, object));
        remember(resource, namespace, name, read);
        return read;
    }

    /**
     * The object as this instance last wrote it (as the API server returned it) or read it, with no call:
     * empty when it has not seen it, or a write to it ended in a way that leaves its version unknown.
     */
    public Optional<JsonObject> known(KubeResource resource, String namespace, String name) {
        return Optional.ofNullable(known.get(resource.apiPath(namespace, name)));
    }

    /** The object as known, or read when it is not. */
    public Optional<JsonObject> knownOrRead(KubeResource resource, String namespace, String name) throws InterruptedException {
        Optional<JsonObject> object = known(resource, namespace, name);
        return object.isPresent() ? object : get(resource, namespace, name);
    }

    private void requireExpected(KubeResource resource, JsonObject object) {
        Optional<RouteState> now = expected == null ? Optional.empty() : RouteState.of(object);
        if (now.isPresent() && !now.get().equals(expected)) {
            throw new RecordChangedException(KubeObjects.describe(resource.kind().toLowerCase(java.util.Locale.ROOT), object)
                    + " now records " + now.get() + ", not the canary it was read with (" + expected + "): another run"
                    + " has taken it over, so it was left alone");
        }
    }

    /** Reads every object of the resource in the namespace (and knows the list until the plugin writes one of them). */
    public List<JsonObject> list(KubeResource resource, String namespace) throws InterruptedException {
        List<JsonObject> read = kubectl.objects(resource.qualified(), namespace);
        knownLists.put(listKey(resource, namespace), read);
        return read;
    }

    /**
     * The list as last read (by this instance or one sharing what it knows), with no call, when the plugin has written
     * no object of that resource there since; read now otherwise. For decisions a conditional write stands behind (a
     * create with create semantics), since others may have changed the objects since the list.
     */
    public List<JsonObject> knownListOrList(KubeResource resource, String namespace) throws InterruptedException {
        List<JsonObject> listed = knownLists.get(listKey(resource, namespace));
        return listed != null ? listed : list(resource, namespace);
    }

    private static String listKey(KubeResource resource, String namespace) {
        return resource.qualified() + " in " + namespace;
    }

    /** Creates the object with create semantics: {@link WriteOutcome#EXISTS} when its name is taken, nothing overwritten. */
    public WriteOutcome create(KubeResource resource, JsonObject object) throws InterruptedException {
        String namespace = KubeObjects.namespace(object);
        String name = KubeObjects.name(object);
        Written written = remembering(resource, namespace, name, () -> kubectl.create(stage(object), serverDryRun));
        return written.outcome();
    }

    /**
     * Changes an object the router may change, in one write from the version known when there is one
     * (one read first when not).
     *
     * @param owned the part of the object the plugin owns (weights, state), compared between reads
     * @param change checks the object as read (ownership and shape, throwing {@link RoutingException})
     *     and returns the object to write: a changed copy that keeps the resourceVersion it was read at
     * @return the object as written
     * @throws RoutingException when the object is missing, or changed in what the plugin owns, or kept changing
     */
    public JsonObject update(KubeResource resource, String namespace, String name, Function<JsonObject, Object> owned,
            UnaryOperator<JsonObject> change) throws InterruptedException {
        return update(resource, namespace, name, known(resource, namespace, name).orElse(null), owned, change, false);
    }

    /**
     * As {@link #update(KubeResource, String, String, Function, UnaryOperator)}, from a read the router
     * already made and decided on: the first write carries that read's resourceVersion, so a change
     * made since that read is caught too, and saves a read when nothing changed.
     */
    public JsonObject update(KubeResource resource, JsonObject read, Function<JsonObject, Object> owned,
            UnaryOperator<JsonObject> change) throws InterruptedException {
        return update(resource, KubeObjects.namespace(read), KubeObjects.name(read), read, owned, change, false);
    }

    /**
     * Takes the canary out of an object (all traffic back on stable): one write from the version known (or one
     * read first); when the object changed since, it is read again and {@code change} decides again from it (its
     * ownership check included) rather than stopping at a change to what the plugin owns.
     */
    public JsonObject updateBackToStable(KubeResource resource, String namespace, String name, Function<JsonObject, Object> owned,
            UnaryOperator<JsonObject> change) throws InterruptedException {
        return update(resource, namespace, name, known(resource, namespace, name).orElse(null), owned, change, true);
    }

    private JsonObject update(KubeResource resource, String namespace, String name, JsonObject firstRead,
            Function<JsonObject, Object> owned, UnaryOperator<JsonObject> change, boolean decideAgain) throws InterruptedException {
        return written(resource, namespace, name, guarded(resource, namespace, name, firstRead, owned, decideAgain,
                live -> kubectl.replace(stage(change.apply(live)), serverDryRun)));
    }

    /**
     * Changes an object by a JSON patch, from the version known (or one read first): {@code operations} checks
     * the object as it is known and returns the patch, whose {@code test} operations hold what it was decided on
     * (the API server applies all of it or nothing). Used where others write the object all the time (a
     * Deployment's status), so that a write conditional on the whole resourceVersion would keep conflicting.
     *
     * @return the object as patched
     */
    public JsonObject patch(KubeResource resource, String namespace, String name, Function<JsonObject, Object> owned,
            Function<JsonObject, JsonArray> operations) throws InterruptedException {
        return patch(resource, namespace, name, owned, operations, false);
    }

    /** As {@link #patch}, deciding again from a new read after a conflict, as {@link #updateBackToStable} does. */
    public JsonObject patchBackToStable(KubeResource resource, String namespace, String name, Function<JsonObject, Object> owned,
            Function<JsonObject, JsonArray> operations) throws InterruptedException {
        return patch(resource, namespace, name, owned, operations, true);
    }

    private JsonObject patch(KubeResource resource, String namespace, String name, Function<JsonObject, Object> owned,
            Function<JsonObject, JsonArray> operations, boolean decideAgain) throws InterruptedException {
        return written(resource, namespace, name, guarded(resource, namespace, name, known(resource, namespace, name).orElse(null),
                owned, decideAgain, live -> kubectl.jsonPatch(resource.qualified(), name, namespace,
                        stage("patch-" + name, operations.apply(live).toString()), serverDryRun)));
    }

    private static JsonObject written(KubeResource resource, String namespace, String name, Optional<JsonObject> written) {
        return written.orElseThrow(() -> new RoutingException(resource.describe(namespace, name) + " does not exist (or was"
                + " deleted while the plugin changed it): create it, or name the object that routes the service"));
    }

    /**
     * Deletes an object the router owns (the canary back to stable), with preconditions on the uid and
     * resourceVersion known (or read) and checked: one call when the object is known and unchanged; when it
     * changed since, it is read again and checked again.
     *
     * @param check throws a {@link RoutingException} when the object as read is not the plugin's to delete
     * @return false when there was nothing to delete
     */
    public boolean delete(KubeResource resource, String namespace, String name, Function<JsonObject, Object> owned,
            Consumer<JsonObject> check) throws InterruptedException {
        String what = resource.describe(namespace, name);
        Optional<JsonObject> deleted = guarded(resource, namespace, name, known(resource, namespace, name).orElse(null), owned,
                true, live -> {
                    check.accept(live);
                    JsonObject metadata = KubeObjects.object(live, "metadata");
                    return new Written(kubectl.deleteObject(resource.apiPath(namespace, name), what, metadata.getString("uid", null),
                            metadata.getString("resourceVersion", null), serverDryRun, staging), Optional.empty());
                });
        if (!serverDryRun) {
            known.remove(resource.apiPath(namespace, name));
        }
        return deleted.isPresent();
    }

    /** One conditional write, from the object as known or read. */
    private interface Write {
        Written from(JsonObject live) throws InterruptedException;

        /** A write already aimed at its object. */
        interface Call {
            Written run() throws InterruptedException;
        }
    }

    /**
     * @param firstRead the object as known or as the caller read it, for the first attempt; {@code null} to read it here
     * @param decideAgain whether, after the first attempt from {@code firstRead} conflicts, what the plugin owns is
     *     compared with the new read rather than with {@code firstRead}
     * @return the object as written (the object the write started from, for a delete); empty when the object was not
     *     there (at a read, or at the write)
     */
    private Optional<JsonObject> guarded(KubeResource resource, String namespace, String name, JsonObject firstRead,
            Function<JsonObject, Object> owned, boolean decideAgain, Write write) throws InterruptedException {
        String what = resource.describe(namespace, name);
        Object ownedAtDecision = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            boolean fromGiven = attempt == 1 && firstRead != null;
            Optional<JsonObject> read = fromGiven ? Optional.of(firstRead) : get(resource, namespace, name);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            requireExpected(resource, read.get()); // on the read this attempt's write is conditional on
            Object ownedNow = owned.apply(read.get());
            if (attempt == 1 || (attempt == 2 && firstRead != null && decideAgain)) {
                ownedAtDecision = ownedNow;
            } else if (!ownedNow.equals(ownedAtDecision)) {
                throw new RoutingException(what + " changed between the plugin's " + (firstRead != null && !decideAgain
                        ? "last write (or read)" : "read") + " and its write, and the change touched"
                        + " what the plugin owns there (" + ownedAtDecision + " became " + ownedNow + "): another canary run"
                        + " or a person is moving this traffic, so the plugin left it alone; find out who (the "
                        + RouteState.ANNOTATION + " annotation names the build) and run again");
            }
            JsonObject from = read.get();
            Written written = remembering(resource, namespace, name, () -> write.from(from));
            switch (written.outcome()) {
                case DONE:
                    return Optional.of(written.object().orElse(from));
                case GONE:
                    return Optional.empty();
                default:
                    log.line(what + " changed after the plugin " + (fromGiven ? "last wrote or read" : "read") + " it (attempt "
                            + attempt + " of " + ATTEMPTS + "): reading it again");
            }
        }
        throw new RoutingException(what + " changed between read and write on each of " + ATTEMPTS + " attempts, so the"
                + " plugin left it alone: something edits it continuously (a controller reconciling it from another"
                + " source?); stop that, then run again");
    }

    /**
     * A write whose result is remembered: the object it returned, or nothing known when it was refused, gone, or failed.
     * A dry run's write changes nothing, so what is known stays as it was.
     */
    private Written remembering(KubeResource resource, String namespace, String name, Write.Call call) throws InterruptedException {
        if (serverDryRun) {
            return call.run();
        }
        String key = resource.apiPath(namespace, name);
        known.remove(key); // until the write's answer says what the object is now
        knownLists.remove(listKey(resource, namespace));
        Written written = call.run();
        if (written.outcome() == WriteOutcome.DONE && written.object().isPresent()) {
            known.put(key, written.object().get());
        }
        return written;
    }

    private void remember(KubeResource resource, String namespace, String name, Optional<JsonObject> object) {
        String key = resource.apiPath(namespace, name);
        if (object.isPresent()) {
            known.put(key, object.get());
        } else {
            known.remove(key);
        }
    }

    /** The object goes to kubectl as a file: its content is user data, never an argument. */
    private String stage(JsonObject object) throws InterruptedException {
        return stage("routing-" + KubeObjects.name(object), object.toString());
    }

    private String stage(String prefix, String content) throws InterruptedException {
        try {
            return staging.write(StagingArea.uniqueName(prefix, ".json"), content);
        } catch (IOException e) {
            throw new EngineException("could not write " + prefix + " for kubectl: " + e.getMessage(), e);
        }
    }
}
