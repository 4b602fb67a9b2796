package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the controllers make of the pods nobody runs, the same for every workload kind: stand-in
 * pods become ready after a delay, and pods whose image carries a tag a test named never do (their
 * workload fails after another delay).
 */
final class Rollouts {
    private final Set<String> failingTags = ConcurrentHashMap.newKeySet();
    private volatile Duration readyAfter = Duration.ofMillis(300);
    private volatile Duration failAfter = Duration.ofMillis(1000);

    void readyAfter(Duration delay) {
        readyAfter = delay;
    }

    void failAfter(Duration delay) {
        failAfter = delay;
    }

    void failImagesWithTag(String tag) {
        failingTags.add(tag);
    }

    long readyAfterMillis() {
        return readyAfter.toMillis();
    }

    long failAfterMillis() {
        return failAfter.toMillis();
    }

    /** Whether a pod spec uses an image whose tag a test named as failing. */
    boolean failing(JsonNode podSpec) {
        for (JsonNode container : podSpec.path("containers")) {
            if (failingTags.contains(ReplicaSets.imageTag(container.path("image").asText()))) {
                return true;
            }
        }
        return false;
    }
}
