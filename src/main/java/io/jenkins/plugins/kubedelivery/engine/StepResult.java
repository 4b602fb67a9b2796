package io.jenkins.plugins.kubedelivery.engine;

import java.util.Map;

/**
 * A use case's result record. {@link #toMap()} is the one place its fields become the map a
 * Pipeline step returns, with the keys README.md documents for that step.
 */
public interface StepResult {
    /** Plain JDK types only (strings, numbers, booleans, lists, maps), mutable, Serializable. */
    Map<String, Object> toMap();
}
