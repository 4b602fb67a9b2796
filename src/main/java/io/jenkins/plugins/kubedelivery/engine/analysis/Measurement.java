package io.jenkins.plugins.kubedelivery.engine.analysis;

import java.time.Instant;

/**
 * One judged reading of one check, as the log shows it and the result returns it.
 *
 * @param check the check's name
 * @param at when it was taken
 * @param phase {@link AnalysisPhase#SUCCESSFUL}, {@link AnalysisPhase#FAILED},
 *     {@link AnalysisPhase#INCONCLUSIVE} or {@link AnalysisPhase#ERROR}
 * @param value the value read, or {@code null} when there was none
 * @param detail the reason in words, with the numbers ({@code 0.042 > max 0.01})
 */
public record Measurement(String check, Instant at, AnalysisPhase phase, Double value, String detail) {}
