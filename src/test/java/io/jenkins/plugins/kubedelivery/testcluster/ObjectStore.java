package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The objects of the simulated cluster with one global resourceVersion counter and a bounded event
 * log that watches replay. Every read returns a copy, so callers can change what they get freely.
 */
public final class ObjectStore {
    private static final int DEFAULT_EVENT_LOG_SIZE = 20_000;

    private final Map<String, TreeMap<String, ObjectNode>> objectsByType = new HashMap<>();
    private final Deque<WatchEvent> events = new ArrayDeque<>();
    private final Map<String, JsonNode> lastApplied = new HashMap<>();
    private final int eventLogSize;
    private long revision = 1;
    private long forgottenUpTo = 1;

    public ObjectStore() {
        this(DEFAULT_EVENT_LOG_SIZE);
    }

    /** A store whose event log keeps only the last {@code eventLogSize} events. */
    ObjectStore(int eventLogSize) {
        this.eventLogSize = eventLogSize;
    }

    public synchronized long revision() {
        return revision;
    }

    public synchronized ObjectNode get(ResourceType type, String namespace, String name) {
        ObjectNode found = table(type).get(key(namespace, name));
        return found == null ? null : found.deepCopy();
    }

    /** Objects of a type, in one namespace or (namespace null) in all, ordered by namespace and name. */
    public synchronized List<ObjectNode> list(ResourceType type, String namespace) {
        List<ObjectNode> result = new ArrayList<>();
        for (ObjectNode object : table(type).values()) {
            if (namespace == null || namespace.equals(Json.text(object, "metadata.namespace"))) {
                result.add(object.deepCopy());
            }
        }
        return result;
    }

    /** Stores a new object, filling the fields the API server owns; AlreadyExists when taken. */
    public synchronized ObjectNode create(ResourceType type, ObjectNode object) {
        return create(type, object, false);
    }

    /** A dry run checks and fills in the same, but stores nothing and has no resourceVersion (as dryRun=All). */
    synchronized ObjectNode create(ResourceType type, ObjectNode object, boolean dryRun) {
        ObjectNode metadata = Json.child(object, "metadata");
        String key = key(metadata.path("namespace").asText(null), metadata.path("name").asText());
        if (table(type).containsKey(key)) {
            throw ApiException.alreadyExists(type, metadata.path("name").asText());
        }
        metadata.put("uid", UUID.randomUUID().toString());
        metadata.put("creationTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        metadata.put("generation", 1);
        return dryRun ? object.deepCopy() : record("ADDED", type, key, object);
    }

    /** Replaces an existing object; the generation goes up when anything but metadata and status changed. */
    public synchronized ObjectNode replace(ResourceType type, ObjectNode object) {
        return replace(type, object, false);
    }

    /** A dry run checks the resourceVersion and computes the generation, but stores nothing. */
    synchronized ObjectNode replace(ResourceType type, ObjectNode object, boolean dryRun) {
        ObjectNode metadata = Json.child(object, "metadata");
        String name = metadata.path("name").asText();
        String key = key(metadata.path("namespace").asText(null), name);
        ObjectNode live = table(type).get(key);
        if (live == null) {
            throw ApiException.notFound(type, name);
        }
        String expected = metadata.path("resourceVersion").asText("");
        if (!expected.isEmpty() && !expected.equals(live.path("metadata").path("resourceVersion").asText())) {
            throw ApiException.conflict(type, name);
        }
        for (String owned : List.of("uid", "creationTimestamp")) {
            metadata.set(owned, live.path("metadata").get(owned));
        }
        long generation = live.path("metadata").path("generation").asLong(1);
        metadata.put("generation", specChanged(live, object) ? generation + 1 : generation);
        if (dryRun) {
            metadata.set("resourceVersion", live.path("metadata").get("resourceVersion"));
            return object.deepCopy();
        }
        return record("MODIFIED", type, key, object);
    }

    /**
     * Changes a stored object if it still meets the preconditions, all under one lock, as the real
     * storage's GuaranteedUpdate does; returns the stored result.
     */
    synchronized ObjectNode update(ResourceType type, String namespace, String name, Preconditions preconditions,
            UnaryOperator<ObjectNode> change) {
        ObjectNode live = table(type).get(key(namespace, name));
        if (live == null) {
            throw ApiException.notFound(type, name);
        }
        preconditions.check(type, live);
        return replace(type, change.apply(live.deepCopy()));
    }

    public synchronized ObjectNode delete(ResourceType type, String namespace, String name) {
        return delete(type, namespace, name, Preconditions.NONE);
    }

    /** Deletes an object if it still meets the preconditions, checked under the same lock as the removal. */
    synchronized ObjectNode delete(ResourceType type, String namespace, String name, Preconditions preconditions) {
        String key = key(namespace, name);
        ObjectNode live = table(type).get(key);
        if (live == null) {
            throw ApiException.notFound(type, name);
        }
        preconditions.check(type, live);
        ObjectNode removed = table(type).remove(key);
        lastApplied.keySet().removeIf(k -> k.startsWith(type.key() + "|" + key + "|"));
        removed.with("metadata").put("resourceVersion", Long.toString(++revision));
        log(new WatchEvent(revision, "DELETED", type, removed.deepCopy()));
        return removed.deepCopy();
    }

    /** The objects of a type at one resourceVersion, for a watch that starts with them. */
    public synchronized Snapshot snapshot(ResourceType type, String namespace) {
        return new Snapshot(revision, list(type, namespace));
    }

    public record Snapshot(long revision, List<ObjectNode> objects) {}

    /** Events after a resourceVersion, oldest first. */
    public synchronized List<WatchEvent> eventsAfter(long resourceVersion) {
        List<WatchEvent> result = new ArrayList<>();
        for (WatchEvent event : events) {
            if (event.revision() > resourceVersion) {
                result.add(event);
            }
        }
        return result;
    }

    /** Whether events after this resourceVersion have left the log, so a watch from it would miss some. */
    public synchronized boolean expired(long resourceVersion) {
        return resourceVersion < forgottenUpTo;
    }

    /** Blocks until the store changes past a resourceVersion or the time is up. */
    public synchronized void awaitChangeAfter(long resourceVersion, long millis) throws InterruptedException {
        if (revision <= resourceVersion && millis > 0) {
            wait(millis);
        }
    }

    /** Wakes blocked watches, e.g. when the server stops. */
    public synchronized void wakeWatchers() {
        notifyAll();
    }

    /** What a field manager applied last time with server-side apply, or null. */
    public synchronized JsonNode lastApplied(ResourceType type, String namespace, String name, String manager) {
        return lastApplied.get(type.key() + "|" + key(namespace, name) + "|" + manager);
    }

    public synchronized void rememberApplied(ResourceType type, String namespace, String name, String manager,
            JsonNode applied) {
        lastApplied.put(type.key() + "|" + key(namespace, name) + "|" + manager, applied.deepCopy());
    }

    private ObjectNode record(String eventType, ResourceType type, String key, ObjectNode object) {
        object.with("metadata").put("resourceVersion", Long.toString(++revision));
        table(type).put(key, object.deepCopy());
        log(new WatchEvent(revision, eventType, type, object.deepCopy()));
        return object.deepCopy();
    }

    private void log(WatchEvent event) {
        events.addLast(event);
        if (events.size() > eventLogSize) {
            forgottenUpTo = events.removeFirst().revision();
        }
        notifyAll();
    }

    private static boolean specChanged(ObjectNode before, ObjectNode after) {
        ObjectNode a = before.deepCopy();
        ObjectNode b = after.deepCopy();
        a.remove(List.of("metadata", "status"));
        b.remove(List.of("metadata", "status"));
        return !a.equals(b);
    }

    private TreeMap<String, ObjectNode> table(ResourceType type) {
        return objectsByType.computeIfAbsent(type.key(), k -> new TreeMap<>());
    }

    private static String key(String namespace, String name) {
        return (namespace == null ? "" : namespace) + "/" + name;
    }
}
