package io.jenkins.plugins.kubedelivery.engine;

/**
 * Whether the build that recorded something in the cluster (a canary) still runs: the one question
 * about Jenkins the engine asks, answered by the adapter. A canary of a running build belongs to that
 * build; one of a build that finished or no longer exists was left behind and may be reset.
 */
public interface BuildLiveness {
    /** Said when nothing can answer (tests, the demo): every build may be running, so nothing is taken from one. */
    BuildLiveness UNKNOWN = build -> State.UNKNOWN;

    /** Where a build stands, with how the log says it. */
    enum State {
        RUNNING("still running"),
        FINISHED("no longer running"),
        GONE("no longer exists"),
        UNKNOWN("could not be looked up");

        private final String said;

        State(String said) {
            this.said = said;
        }

        /** Whether what the build left may be taken from it: only when it surely runs no more. */
        public boolean ended() {
            return this == FINISHED || this == GONE;
        }

        @Override
        public String toString() {
            return said;
        }
    }

    /** @param build the build as recorded ({@code folder/job#12}, what the adapter records for a canary) */
    State of(String build);
}
