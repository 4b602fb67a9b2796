package io.jenkins.plugins.kubedelivery.engine.deploy;

import static org.junit.Assert.assertEquals;

import java.util.Map;
import org.junit.Test;

/** Removing a dotted key from nested values: what both promotions use to leave out the canary's own replica count. */
public class GeneratedValuesRemoveAtTest {

    private static Map<String, Object> values() {
        return new GeneratedValues().putAll("values", Map.of("replicaCount", 1, "app.replicas", 2, "app.image.tag", "1.4.0"))
                .asMap();
    }

    @Test
    public void aTopLevelKeyIsRemoved() {
        Map<String, Object> values = values();
        GeneratedValues.removeAt(values, "replicaCount");
        assertEquals(Map.of("app", Map.of("replicas", 2, "image", Map.of("tag", "1.4.0"))), values);
    }

    @Test
    public void aNestedKeyIsRemovedAndItsSiblingsKept() {
        Map<String, Object> values = values();
        GeneratedValues.removeAt(values, "app.replicas");
        assertEquals(Map.of("replicaCount", 1, "app", Map.of("image", Map.of("tag", "1.4.0"))), values);
    }

    @Test
    public void aPathThroughAMissingOrScalarValueRemovesNothing() {
        Map<String, Object> values = values();
        GeneratedValues.removeAt(values, "deployment.replicas");
        GeneratedValues.removeAt(values, "replicaCount.value");
        assertEquals(values(), values);
    }
}
