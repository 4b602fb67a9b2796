package io.jenkins.plugins.kubedelivery.testcluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class JsonPatchTest {
    private static void assertPatch(String target, String patch, String expected) {
        assertEquals(Json.parse(expected), JsonPatch.apply(Json.parse(target), Json.parse(patch)));
    }

    @Test
    public void addsReplacesAndRemoves() {
        assertPatch("{\"spec\":{\"replicas\":1,\"paused\":true}}",
                "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3},"
                        + "{\"op\":\"remove\",\"path\":\"/spec/paused\"},"
                        + "{\"op\":\"add\",\"path\":\"/metadata\",\"value\":{\"name\":\"x\"}}]",
                "{\"spec\":{\"replicas\":3},\"metadata\":{\"name\":\"x\"}}");
    }

    @Test
    public void insertsIntoArraysByIndexAndAppendsWithDash() {
        assertPatch("{\"l\":[1,3]}",
                "[{\"op\":\"add\",\"path\":\"/l/1\",\"value\":2},{\"op\":\"add\",\"path\":\"/l/-\",\"value\":4}]",
                "{\"l\":[1,2,3,4]}");
    }

    @Test
    public void movesCopiesAndUnescapesPointers() {
        assertPatch("{\"metadata\":{\"labels\":{\"app.kubernetes.io/name\":\"web\"}}}",
                "[{\"op\":\"copy\",\"from\":\"/metadata/labels/app.kubernetes.io~1name\",\"path\":\"/name\"},"
                        + "{\"op\":\"move\",\"from\":\"/name\",\"path\":\"/title\"}]",
                "{\"metadata\":{\"labels\":{\"app.kubernetes.io/name\":\"web\"}},\"title\":\"web\"}");
    }

    @Test
    public void failedTestsAndMissingPathsAreRejected() {
        assertThrows(ApiException.class, () -> JsonPatch.apply(Json.parse("{\"a\":1}"),
                Json.parse("[{\"op\":\"test\",\"path\":\"/a\",\"value\":2}]")));
        assertThrows(ApiException.class, () -> JsonPatch.apply(Json.parse("{\"a\":1}"),
                Json.parse("[{\"op\":\"remove\",\"path\":\"/b\"}]")));
        assertThrows(ApiException.class, () -> JsonPatch.apply(Json.parse("{\"a\":1}"),
                Json.parse("[{\"op\":\"replace\",\"path\":\"/b\",\"value\":1}]")));
    }
}
