package io.jenkins.plugins.kubedelivery.testcluster;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class MergePatchTest {
    private static void assertPatch(String target, String patch, String expected) {
        assertEquals(Json.parse(expected), MergePatch.apply(Json.parse(target), Json.parse(patch)));
    }

    @Test
    public void nullRemovesKeysAndArraysAreReplacedNotAppended() {
        assertPatch("{\"l\":[1,2],\"o\":{\"x\":1,\"y\":2}}", "{\"l\":[3],\"o\":{\"x\":null}}",
                "{\"l\":[3],\"o\":{\"y\":2}}");
    }

    @Test
    public void followsTheExamplesOfRfc7386() {
        assertPatch("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
        assertPatch("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}");
        assertPatch("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}");
        assertPatch("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
        assertPatch("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}");
        assertPatch("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}");
        assertPatch("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}");
        assertPatch("[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]");
        assertPatch("{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]");
        assertPatch("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}");
        assertPatch("[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}");
        assertPatch("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}");
    }

    @Test
    public void leavesTheTargetUntouched() {
        var target = Json.parse("{\"a\":{\"b\":1}}");
        MergePatch.apply(target, Json.parse("{\"a\":{\"b\":2}}"));
        assertEquals(Json.parse("{\"a\":{\"b\":1}}"), target);
    }
}
