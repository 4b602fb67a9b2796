package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import java.time.Instant;
import java.util.List;

/** What the canary does next, as the planner decides it; the use case only carries it out. */
public sealed interface CanaryDecision {
    /** Measure these checks now. */
    record Measure(List<MetricCheck> checks) implements CanaryDecision {}

    /** Nothing to do before this instant. */
    record WaitUntil(Instant until) implements CanaryDecision {}

    /** Set the next step's weight. */
    record Advance(int stepIndex, int weight) implements CanaryDecision {}

    /** End the step paused for a person (a manual pause, or an inconclusive analysis). */
    record Pause(String reason) implements CanaryDecision {}

    /** Every step passed: upgrade stable to the new version, return traffic to it, remove the canary. */
    record Promote(String summary) implements CanaryDecision {}

    /** Send all traffic back to stable first, then remove the canary; stable is never touched. */
    record Abort(String reason) implements CanaryDecision {}
}
