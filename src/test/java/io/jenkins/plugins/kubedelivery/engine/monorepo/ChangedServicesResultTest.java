package io.jenkins.plugins.kubedelivery.engine.monorepo;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ChangedServicesResultTest {
    @Test
    public void theStepsMapNamesTheServicesAndWhyInPlainTypes() {
        ChangedServicesResult result = new ChangedServicesResult(List.of(new AffectedService("payments", "changed in payments/src/Api.java",
                List.of()), new AffectedService("search", "depends on payments", List.of("payments"))), false, "3f9a2c1", "base 3f9a2c1 as given", 2, 31);
        Map<String, Object> reasons = new LinkedHashMap<>();
        reasons.put("payments", "changed in payments/src/Api.java");
        reasons.put("search", "depends on payments");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("services", new ArrayList<>(List.of("payments", "search")));
        expected.put("reasons", reasons);
        Map<String, Object> dependsOn = new LinkedHashMap<>();
        dependsOn.put("payments", new ArrayList<>());
        dependsOn.put("search", new ArrayList<>(List.of("payments")));
        expected.put("dependsOn", dependsOn);
        expected.put("all", false);
        expected.put("baseCommit", "3f9a2c1");
        expected.put("why", "base 3f9a2c1 as given");
        expected.put("changedFiles", 2);
        expected.put("durationMillis", 31L);
        Map<String, Object> map = result.toMap();
        assertEquals(expected, map);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(map.keySet()));
    }
}
