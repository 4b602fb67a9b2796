package io.jenkins.plugins.kubedelivery.testcluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;

public class WatchStreamTest {
    private static final String CONFIG_MAPS = "/api/v1/namespaces/default/configmaps";

    @Rule
    public final TestCluster cluster = new TestCluster();

    private final RawApi api = new RawApi(cluster);

    @Test
    public void aWatchWithoutResourceVersionStartsWithTheExistingObjects() {
        create("a");
        create("b");
        List<JsonNode> events = watch("?watch=true&timeoutSeconds=1");
        assertEquals(List.of("ADDED a", "ADDED b"), describe(events));
    }

    @Test
    public void resumesAfterAResourceVersion() {
        String first = create("a").at("/metadata/resourceVersion").asText();
        create("b");
        api.put(CONFIG_MAPS + "/a", "{\"metadata\":{\"name\":\"a\"},\"data\":{\"k\":\"2\"}}");
        api.delete(CONFIG_MAPS + "/b");
        List<JsonNode> events = watch("?watch=1&timeoutSeconds=1&resourceVersion=" + first);
        assertEquals(List.of("ADDED b", "MODIFIED a", "DELETED b"), describe(events));
    }

    @Test
    public void watchListEndsItsInitialEventsWithABookmark() {
        create("a");
        List<JsonNode> events = watch("?watch=true&timeoutSeconds=1&sendInitialEvents=true"
                + "&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true");
        assertEquals(List.of("ADDED a", "BOOKMARK null"), describe(events));
        JsonNode bookmark = events.get(1).path("object").path("metadata");
        assertEquals("true", bookmark.path("annotations").path("k8s.io/initial-events-end").asText());
        assertEquals(events.get(0).at("/object/metadata/resourceVersion").asLong(),
                bookmark.path("resourceVersion").asLong());
    }

    @Test
    public void honoursSelectorsAndEndsAtTheTimeout() {
        create("a");
        create("b");
        long start = System.currentTimeMillis();
        List<JsonNode> events = watch("?watch=true&timeoutSeconds=2&fieldSelector=metadata.name%3Db");
        long elapsed = System.currentTimeMillis() - start;
        assertEquals(List.of("ADDED b"), describe(events));
        assertTrue("ended after " + elapsed + " ms", elapsed >= 1900 && elapsed < 6000);
    }

    @Test
    public void eventsArriveWhileTheWatchIsOpen() throws Exception {
        Thread writer = new Thread(() -> {
            sleep(300);
            create("late");
        });
        writer.start();
        List<JsonNode> events = watch("?watch=true&timeoutSeconds=2&labelSelector=app%3Dweb");
        writer.join();
        assertEquals(List.of("ADDED late"), describe(events));
    }

    @Test
    public void aDroppedWatchBreaksTheConnectionMidStream() {
        create("a");
        create("b");
        cluster.faults().dropNextWatches(1, 1);
        List<String> received = new ArrayList<>();
        try (Stream<String> lines = api.stream(CONFIG_MAPS + "?watch=true&timeoutSeconds=5")) {
            UncheckedIOException broken = assertThrows(UncheckedIOException.class,
                    () -> lines.filter(line -> !line.isBlank()).forEach(received::add));
            assertTrue(String.valueOf(broken.getCause()), broken.getCause() instanceof IOException);
        }
        assertEquals(1, received.size());
        assertEquals(List.of("ADDED a", "ADDED b"), describe(watch("?watch=true&timeoutSeconds=1")));
    }

    @Test
    public void tableWatchesSendOneRowTablesAsKubectlGetWatchAsks() {
        create("a");
        try (Stream<String> lines = api.stream(CONFIG_MAPS + "?watch=true&timeoutSeconds=1",
                "application/json;as=Table;v=v1;g=meta.k8s.io,application/json")) {
            List<JsonNode> events = lines.filter(line -> !line.isBlank()).map(Json::parse).collect(Collectors.toList());
            assertEquals(1, events.size());
            JsonNode table = events.get(0).path("object");
            assertEquals("Table", table.path("kind").asText());
            assertEquals("Data", table.at("/columnDefinitions/1/name").asText());
            assertEquals("a", table.at("/rows/0/cells/0").asText());
            assertEquals(1, table.at("/rows/0/cells/1").asInt());
        }
    }

    @Test
    public void aResourceVersionOlderThanTheEventLogIsGone() throws Exception {
        ObjectStore store = new ObjectStore(2);
        ResourceType type = ResourceCatalog.CONFIG_MAP;
        for (String name : List.of("a", "b", "c", "d")) {
            ObjectNode object = Json.object();
            object.putObject("metadata").put("name", name).put("namespace", "default");
            store.create(type, object);
        }
        RequestPath path = new RequestPath(type, "default", null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WatchStream(store, path, Map.of("resourceVersion", "2", "timeoutSeconds", "1"), -1, false)
                .stream(out, () -> true);
        JsonNode error = Json.parse(out.toString(StandardCharsets.UTF_8).trim());
        assertEquals("ERROR", error.path("type").asText());
        assertEquals(410, error.at("/object/code").asInt());
        assertEquals("Expired", error.at("/object/reason").asText());
        out.reset();
        new WatchStream(store, path, Map.of("resourceVersion", "3", "timeoutSeconds", "1"), -1, false)
                .stream(out, () -> true);
        assertEquals(List.of("ADDED c", "ADDED d"), describe(out.toString(StandardCharsets.UTF_8)
                .lines().filter(line -> !line.isBlank()).map(Json::parse).collect(Collectors.toList())));
    }

    private JsonNode create(String name) {
        String body = "{\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"app\":\"web\"}},\"data\":{\"k\":\"1\"}}";
        return RawApi.json(api.post(CONFIG_MAPS, body));
    }

    private List<JsonNode> watch(String query) {
        try (Stream<String> lines = api.stream(CONFIG_MAPS + query)) {
            return lines.filter(line -> !line.isBlank()).map(Json::parse).collect(Collectors.toList());
        }
    }

    private static List<String> describe(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText() + " "
                + e.path("object").path("metadata").path("name").asText("null")).collect(Collectors.toList());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
