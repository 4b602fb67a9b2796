package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * One HTTP streaming watch as client-go reads it: chunked JSON events, one per line. Without a
 * resourceVersion (or with {@code sendInitialEvents=true}, the WatchList mode of kubectl 1.35 and
 * helm 4) it starts with ADDED events for the existing objects; WatchList also needs the BOOKMARK
 * annotated {@code k8s.io/initial-events-end} after them. A newline is sent after a few idle
 * seconds so that a departed client is noticed and the thread ends.
 */
final class WatchStream {
    static final long HEARTBEAT_MILLIS = 3_000;
    private static final long MAX_TIMEOUT_SECONDS = 290;
    /** What {@link #sendInitialEvents} returns when a dropped-watch fault cut the stream. */
    private static final long CUT = -1;
    /** What {@link #sendInitialEvents} returns when the watch is over already (410 Gone sent). */
    private static final long ENDED = -2;

    private final ObjectStore store;
    private final RequestPath path;
    private final Map<String, String> query;
    private final Predicate<JsonNode> selected;
    private final int dropAfterEvents;
    private final boolean asTable;
    private int sent;

    /** {@code asTable}: each object goes out as a one-row Table, as {@code kubectl get -w} asks. */
    WatchStream(ObjectStore store, RequestPath path, Map<String, String> query, int dropAfterEvents, boolean asTable) {
        this.store = store;
        this.path = path;
        this.query = query;
        this.selected = Selectors.of(query.get("labelSelector"), query.get("fieldSelector"));
        this.dropAfterEvents = dropAfterEvents;
        this.asTable = asTable;
    }

    /**
     * Streams until the timeout, the client leaving or the server stopping; returns false when a
     * dropped-watch fault cut it short, so the caller can break the connection.
     */
    boolean stream(OutputStream out, BooleanSupplier serving) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutSeconds() * 1000;
        long cursor = sendInitialEvents(out);
        if (cursor == ENDED) {
            return true;
        }
        long lastWrite = System.currentTimeMillis();
        while (cursor >= 0 && serving.getAsBoolean() && System.currentTimeMillis() < deadline) {
            boolean wrote = false;
            for (WatchEvent event : store.eventsAfter(cursor)) {
                cursor = event.revision();
                if (concerns(event)) {
                    wrote = true;
                    if (!send(out, event(event.type(), event.object()))) {
                        return false;
                    }
                }
            }
            long now = System.currentTimeMillis();
            if (wrote) {
                lastWrite = now;
            } else if (now - lastWrite >= HEARTBEAT_MILLIS) {
                out.write('\n');
                out.flush();
                lastWrite = now;
            } else {
                store.awaitChangeAfter(cursor, Math.min(HEARTBEAT_MILLIS, Math.max(1, deadline - now)));
            }
        }
        return cursor >= 0;
    }

    /**
     * ADDED events for the existing objects unless the client resumes from a resourceVersion, and
     * the WatchList bookmark; returns the resourceVersion to go on from, or {@link #CUT} or {@link #ENDED}.
     */
    private long sendInitialEvents(OutputStream out) throws IOException {
        String resourceVersion = query.getOrDefault("resourceVersion", "");
        boolean watchList = "true".equals(query.get("sendInitialEvents"));
        if (!watchList && !resourceVersion.isEmpty() && !resourceVersion.equals("0")) {
            long from = Long.parseLong(resourceVersion);
            if (store.expired(from)) {
                return send(out, expired(from)) ? ENDED : CUT;
            }
            return from;
        }
        ObjectStore.Snapshot snapshot = store.snapshot(path.type(), path.namespace());
        for (ObjectNode object : snapshot.objects()) {
            if (selected.test(object) && !send(out, event("ADDED", object))) {
                return CUT;
            }
        }
        if (watchList && !send(out, bookmark(snapshot.revision()))) {
            return CUT;
        }
        return snapshot.revision();
    }

    private long timeoutSeconds() {
        String requested = query.get("timeoutSeconds");
        long seconds = requested == null ? MAX_TIMEOUT_SECONDS : Long.parseLong(requested);
        return Math.min(Math.max(seconds, 1), MAX_TIMEOUT_SECONDS);
    }

    private boolean concerns(WatchEvent event) {
        return event.resourceType().equals(path.type())
                && (path.namespace() == null || path.namespace().equals(event.namespace()))
                && selected.test(event.object());
    }

    /** Writes one event; false when a dropped-watch fault says to stop here. */
    private boolean send(OutputStream out, ObjectNode event) throws IOException {
        if (dropAfterEvents >= 0 && sent >= dropAfterEvents) {
            return false;
        }
        out.write(Json.bytes(event));
        out.write('\n');
        out.flush();
        sent++;
        return true;
    }

    private ObjectNode event(String type, ObjectNode object) {
        ObjectNode event = Json.object();
        event.put("type", type);
        event.set("object", asTable ? Tables.table(path.type(), List.of(object),
                object.path("metadata").path("resourceVersion").asLong(), query.get("includeObject")) : object);
        return event;
    }

    /** The ERROR event that makes client-go list again: 410 Gone for a compacted resourceVersion. */
    private static ObjectNode expired(long resourceVersion) {
        ObjectNode event = Json.object();
        event.put("type", "ERROR");
        event.set("object", ApiException.statusBody(410, "Expired",
                "too old resource version: " + resourceVersion));
        return event;
    }

    private ObjectNode bookmark(long revision) {
        ObjectNode object = Json.object();
        object.put("kind", path.type().kind()).put("apiVersion", path.type().apiVersion());
        ObjectNode metadata = object.putObject("metadata");
        metadata.put("resourceVersion", Long.toString(revision));
        metadata.putObject("annotations").put("k8s.io/initial-events-end", "true");
        ObjectNode event = Json.object();
        event.put("type", "BOOKMARK");
        event.set("object", object);
        return event;
    }

}
