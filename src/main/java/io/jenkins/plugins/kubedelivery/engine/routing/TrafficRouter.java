package io.jenkins.plugins.kubedelivery.engine.routing;

/**
 * Moves traffic between the stable and the canary release (Flagger's router, with read-back). Every
 * write is conditional on the resourceVersion the router read, and changes only what the plugin
 * owns: objects it created, or the backend weights of the one route it was told to split, plus its
 * {@link RouteState} annotation. A conflicting change in between is retried only when it left what
 * the plugin owns untouched; otherwise the router stops with a {@link RoutingException}.
 *
 * <p>Promotion is {@code setWeight} at 100, then (once the stable release runs the new version)
 * {@code reset}; an abort is {@code reset} at once, before the canary release is removed.
 */
public interface TrafficRouter {
    /** What the router splits, for the log ({@code httproute prod/payments, rule primary}). */
    String describe();

    /** The canary's share as the cluster has it now, and the state the plugin recorded. */
    RouteReading read() throws InterruptedException;

    /**
     * Gives the canary {@code state.weight()} percent of the traffic and records the state.
     *
     * @return what the written objects carry (the replicas router reaches its weight only approximately)
     * @throws RoutingException when the objects cannot carry the split, are not the plugin's, or kept
     *     changing under it
     */
    RouteReading setWeight(RouteState state) throws InterruptedException;

    /**
     * Returns all traffic to the stable release and takes the canary out of the routing objects (its
     * recorded state included), leaving everything else as it was; does nothing when no canary is routed.
     */
    void reset() throws InterruptedException;
}
