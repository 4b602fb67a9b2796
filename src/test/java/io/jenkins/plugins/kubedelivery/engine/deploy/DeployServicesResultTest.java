package io.jenkins.plugins.kubedelivery.engine.deploy;

import static org.junit.Assert.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class DeployServicesResultTest {
    private static DeployResult deployed(String service, int revision) {
        return new DeployResult(service, "pr-42-shop", service, "1.0.0", "1.0", revision, null, "deployed", "v4.1.4", 1500, null);
    }

    @Test
    public void theStepsMapIsEachServicesDeployServiceMapInTheOrderGiven() {
        Map<String, DeployResult> results = new LinkedHashMap<>();
        results.put("search", deployed("search", 3));
        results.put("payments", deployed("payments", 1));
        Map<String, Object> map = new DeployServicesResult(results).toMap();
        assertEquals(List.of("search", "payments"), List.copyOf(map.keySet()));
        assertEquals(deployed("search", 3).toMap(), map.get("search"));
        assertEquals(LinkedHashMap.class, map.getClass());
    }
}
