package io.jenkins.plugins.kubedelivery.jenkins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class PlainValuesTest {
    @Test
    public void copiesIntoPlainSerializableJdkValues() throws Exception {
        Map<Object, Object> nested = new LinkedHashMap<>();
        nested.put("enabled", true);
        nested.put("hosts", Arrays.asList(new StringBuilder("a.example.com"), "b.example.com"));
        Map<Object, Object> given = new LinkedHashMap<>();
        given.put("replicaCount", (short) 2);
        given.put(new StringBuilder("ratio"), 0.5f);
        given.put("ingress", nested);
        given.put("nothing", null);

        LinkedHashMap<String, Object> copy = PlainValues.copyMap("values", given);

        assertEquals(2, copy.get("replicaCount"));
        assertEquals(0.5d, copy.get("ratio"));
        Map<?, ?> ingress = (Map<?, ?>) copy.get("ingress");
        assertEquals(List.of("a.example.com", "b.example.com"), ingress.get("hosts"));
        assertTrue(ingress.get("hosts") instanceof ArrayList);
        assertTrue(copy.containsKey("nothing"));
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(copy);
    }

    @Test
    public void refusesOtherTypesNamingTheKey() {
        Map<String, Object> given = Map.of("ingress", Map.of("tls", new Object()));
        try {
            PlainValues.copyMap("values", given);
            fail();
        } catch (ValidationException e) {
            assertEquals("values.ingress", e.parameter());
            assertTrue(e.getMessage(), e.getMessage().contains("'tls' holds a Object"));
        }
    }

    @Test
    public void refusesNonStringKeysAndPaths() {
        try {
            PlainValues.copyMap("values", Map.of(1, "x"));
            fail();
        } catch (ValidationException e) {
            assertEquals("values", e.parameter());
        }
        try {
            PlainValues.copyStrings("valuesFiles", Arrays.asList("a.yaml", null));
            fail();
        } catch (ValidationException e) {
            assertEquals("valuesFiles[1]", e.parameter());
        }
        assertEquals(List.of("a.yaml"), PlainValues.copyStrings("valuesFiles", List.of(new StringBuilder("a.yaml"))));
        assertEquals(0, PlainValues.copyStrings("valuesFiles", null).size());
        assertEquals(0, PlainValues.copyMap("values", null).size());
    }

    @Test
    public void textMapsTakeStringsNumbersAndBooleansAsText() {
        Map<Object, Object> given = new LinkedHashMap<>();
        given.put("limits.memory", new StringBuilder("8Gi"));
        given.put("pods", 20);
        given.put("requests.cpu", new java.math.BigDecimal("1.5"));
        given.put("spot", true);

        assertEquals(Map.of("limits.memory", "8Gi", "pods", "20", "requests.cpu", "1.5", "spot", "true"),
                PlainValues.copyTextMap("quota", given));
        assertEquals(0, PlainValues.copyTextMap("quota", null).size());
    }

    @Test
    public void textMapsRefuseNullsAndNestedValuesNamingTheKey() {
        for (Object bad : Arrays.asList(null, Map.of("a", "b"), List.of("x"), 0.5d)) {
            Map<String, Object> given = new LinkedHashMap<>();
            given.put("pods", bad);
            try {
                PlainValues.copyTextMap("quota", given);
                fail("accepted " + bad);
            } catch (ValidationException e) {
                assertEquals("quota", e.parameter());
                assertTrue(e.getMessage(), e.getMessage().contains("'pods' holds"));
            }
        }
    }

    @Test
    public void idsTakeWholeNumbersAndStrings() {
        assertEquals(List.of("41", "42", "PR-7"), PlainValues.copyIds("openPullRequests", List.of(41, 42L, new StringBuilder("PR-7"))));
        assertEquals(List.of(), PlainValues.copyIds("openPullRequests", List.of()));
        assertEquals("not given is not the same as none open", null, PlainValues.copyIds("openPullRequests", null));
        for (Object bad : Arrays.asList(null, 4.2d, Map.of())) {
            try {
                PlainValues.copyIds("openPullRequests", Arrays.asList(41, bad));
                fail("accepted " + bad);
            } catch (ValidationException e) {
                assertEquals("openPullRequests[1]", e.parameter());
                assertTrue(e.getMessage(), e.getMessage().contains("[41, 42]"));
            }
        }
    }
}
