package io.jenkins.plugins.kubedelivery.engine.analysis;

/**
 * Where one check stands, and what one measurement said. The same five words Argo Rollouts uses, so
 * that people who know it read our logs without a glossary.
 *
 * <ul>
 * <li>{@link #RUNNING}: not enough measurements yet to decide.
 * <li>{@link #SUCCESSFUL}: every measurement the step asked for is in, within the limits.
 * <li>{@link #FAILED}: the metric was out of bounds more often than the failure limit allows: abort.
 * <li>{@link #INCONCLUSIVE}: no data, NaN or too little traffic more often than allowed: ask a person.
 * <li>{@link #ERROR}: the metric source failed too many times in a row: abort, it cannot be checked.
 * </ul>
 */
public enum AnalysisPhase {
    RUNNING, SUCCESSFUL, FAILED, INCONCLUSIVE, ERROR
}
