package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.StepResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What deployServices did: each service's deploy, in the order the services were given. */
public record DeployServicesResult(Map<String, DeployResult> results) implements StepResult {
    public DeployServicesResult {
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    /** Service to its deployService result map. */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        results.forEach((service, result) -> map.put(service, result.toMap()));
        return map;
    }
}
