package io.jenkins.plugins.kubedelivery.engine.analysis;

/**
 * A metric source (Prometheus first). Implementations run where the cluster network is: on the
 * agent, never on the Jenkins controller.
 */
public interface MetricProvider {
    /**
     * Reads one value. Never throws for what the source answered: an unreachable source or a
     * refused query is a {@link MetricReading.Failure}, counted toward the consecutive-error limit.
     *
     * @throws InterruptedException when the build was aborted
     */
    MetricReading read(MetricQuery query) throws InterruptedException;

    /**
     * Asked once before any traffic moves, so that a wrong URL or credential stops the canary while
     * it still has no users (Flagger's {@code IsOnline}).
     *
     * @return a reason the source cannot be used, or {@code null} when it answers
     */
    String unavailableReason() throws InterruptedException;

    /** For a canary without checks: nothing is ever measured, and asking says why. */
    MetricProvider NONE = new MetricProvider() {
        @Override
        public MetricReading read(MetricQuery query) {
            return new MetricReading.Failure("no metric source was given");
        }

        @Override
        public String unavailableReason() {
            return "no metric source was given";
        }
    };
}
