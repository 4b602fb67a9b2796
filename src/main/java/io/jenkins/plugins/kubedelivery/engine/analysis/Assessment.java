package io.jenkins.plugins.kubedelivery.engine.analysis;

/**
 * The verdict on one check over the measurements of one canary step.
 *
 * @param check the check's name
 * @param phase the verdict
 * @param message the verdict in words with its numbers, e.g.
 *     {@code error-rate 0.042 > max 0.01 in 2 of 3 measurements (failureLimit 1)}
 */
public record Assessment(String check, AnalysisPhase phase, String message) {}
