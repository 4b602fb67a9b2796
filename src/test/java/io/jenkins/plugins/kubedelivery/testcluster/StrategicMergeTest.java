package io.jenkins.plugins.kubedelivery.testcluster;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;

public class StrategicMergeTest {
    private static final String POD_SPEC = "{\"containers\":["
            + "{\"name\":\"app\",\"image\":\"app:1\",\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],"
            + "\"ports\":[{\"containerPort\":8080}]},"
            + "{\"name\":\"sidecar\",\"image\":\"proxy:1\"}],"
            + "\"tolerations\":[{\"key\":\"a\"}],\"finalizers\":[\"x\"]}";

    private static JsonNode merge(String live, String patch) {
        return StrategicMerge.apply(Json.parse(live), Json.parse(patch));
    }

    @Test
    public void containersMergeByNameAndKeepTheOthers() {
        JsonNode merged = merge(POD_SPEC, "{\"containers\":[{\"name\":\"app\",\"image\":\"app:2\"}]}");
        assertEquals("app:2", merged.at("/containers/0/image").asText());
        assertEquals("2", merged.at("/containers/0/env/1/value").asText());
        assertEquals("proxy:1", merged.at("/containers/1/image").asText());
    }

    @Test
    public void newKeyedElementsAreAppendedAndPortsMergeByContainerPort() {
        JsonNode merged = merge(POD_SPEC, "{\"containers\":[{\"name\":\"app\",\"ports\":[{\"containerPort\":8080,"
                + "\"name\":\"http\"},{\"containerPort\":9090}]},{\"name\":\"debug\",\"image\":\"busybox\"}]}");
        assertEquals(3, merged.path("containers").size());
        assertEquals("debug", merged.at("/containers/2/name").asText());
        assertEquals("http", merged.at("/containers/0/ports/0/name").asText());
        assertEquals(9090, merged.at("/containers/0/ports/1/containerPort").asInt());
    }

    @Test
    public void listsWithoutMergeKeyAreReplacedAndFinalizersAreUnited() {
        JsonNode merged = merge(POD_SPEC, "{\"tolerations\":[{\"key\":\"b\"}],\"finalizers\":[\"y\",\"x\"]}");
        assertEquals(Json.parse("[{\"key\":\"b\"}]"), merged.path("tolerations"));
        assertEquals(Json.parse("[\"x\",\"y\"]"), merged.path("finalizers"));
    }

    @Test
    public void patchDeleteRemovesAnElementAndNullRemovesAKey() {
        JsonNode merged = merge(POD_SPEC, "{\"$setElementOrder/containers\":[{\"name\":\"app\"}],"
                + "\"containers\":[{\"name\":\"sidecar\",\"$patch\":\"delete\"},"
                + "{\"name\":\"app\",\"env\":[{\"name\":\"A\",\"$patch\":\"delete\"}],\"image\":null}]}");
        assertEquals(1, merged.path("containers").size());
        assertEquals(Json.parse("[{\"name\":\"B\",\"value\":\"2\"}]"), merged.at("/containers/0/env"));
        assertEquals(false, merged.at("/containers/0").has("image"));
        assertEquals(false, merged.has("$setElementOrder/containers"));
    }

    @Test
    public void patchReplaceReplacesMapsAndLists() {
        JsonNode map = merge("{\"labels\":{\"a\":\"1\",\"b\":\"2\"}}", "{\"labels\":{\"$patch\":\"replace\",\"c\":\"3\"}}");
        assertEquals(Json.parse("{\"labels\":{\"c\":\"3\"}}"), map);
        JsonNode list = merge(POD_SPEC, "{\"containers\":[{\"$patch\":\"replace\"},{\"name\":\"only\",\"image\":\"x\"}]}");
        assertEquals(Json.parse("[{\"name\":\"only\",\"image\":\"x\"}]"), list.path("containers"));
    }

    @Test
    public void deleteFromPrimitiveListAndRetainKeys() {
        JsonNode merged = merge("{\"finalizers\":[\"a\",\"b\",\"c\"],\"strategy\":{\"type\":\"RollingUpdate\","
                        + "\"rollingUpdate\":{\"maxSurge\":1}}}",
                "{\"$deleteFromPrimitiveList/finalizers\":[\"b\"],"
                        + "\"strategy\":{\"$retainKeys\":[\"type\"],\"type\":\"Recreate\"}}");
        assertEquals(Json.parse("[\"a\",\"c\"]"), merged.path("finalizers"));
        assertEquals(Json.parse("{\"type\":\"Recreate\"}"), merged.path("strategy"));
    }

    @Test
    public void serverSideApplyRemovesWhatTheSameManagerNoLongerApplies() {
        JsonNode live = Json.parse("{\"metadata\":{\"annotations\":{\"a\":\"1\",\"other\":\"x\"}},"
                + "\"spec\":{\"ports\":[{\"port\":80,\"name\":\"http\"},{\"port\":443,\"name\":\"https\"}]}}");
        JsonNode before = Json.parse("{\"metadata\":{\"annotations\":{\"a\":\"1\"}},"
                + "\"spec\":{\"ports\":[{\"port\":80,\"name\":\"http\"},{\"port\":443,\"name\":\"https\"}]}}");
        JsonNode now = Json.parse("{\"metadata\":{},\"spec\":{\"ports\":[{\"port\":80,\"name\":\"web\"}]}}");
        JsonNode applied = ServerSideApply.apply((ObjectNode) live,
                (ObjectNode) now, before);
        assertEquals(Json.parse("{\"other\":\"x\"}"), applied.at("/metadata/annotations"));
        assertEquals(Json.parse("[{\"port\":80,\"name\":\"web\"}]"), applied.at("/spec/ports"));
    }
}
