package io.jenkins.plugins.kubedelivery.engine.canary;

/**
 * One step of a canary: the share of traffic the canary gets, and how long that share is held.
 *
 * @param weight percent of traffic to the canary, 1 to 100
 */
public record CanaryStep(int weight, Pause pause) implements java.io.Serializable {}
