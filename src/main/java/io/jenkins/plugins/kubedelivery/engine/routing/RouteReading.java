package io.jenkins.plugins.kubedelivery.engine.routing;

import java.util.Optional;

/**
 * What a router read back from the cluster: the canary's share of traffic as the routing objects
 * carry it, and the state the plugin recorded there (empty when no canary is routed).
 *
 * @param weight the canary's percent of traffic the objects give it now (for replicas: its share of the pods)
 * @param recorded the plugin's state on the object it owns, if any
 */
public record RouteReading(int weight, Optional<RouteState> recorded) {
    public static final RouteReading NO_CANARY = new RouteReading(0, Optional.empty());

    /** Whether the objects carry what the plugin recorded: someone changed the weights by hand when not. */
    public boolean matchesRecord() {
        return recorded.map(state -> state.weight() == weight).orElse(weight == 0);
    }
}
