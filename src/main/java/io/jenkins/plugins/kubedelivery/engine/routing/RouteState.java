package io.jenkins.plugins.kubedelivery.engine.routing;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import java.util.Optional;

/**
 * Where the canary stands, as the plugin records it in one annotation on the routing object it
 * writes: a resumed execution, or the next build of the service, reads it back from the cluster
 * rather than from Jenkins, and knows whose canary it was.
 *
 * @param weight the canary's percent of traffic the plugin set
 * @param canaryRelease the Helm release the canary runs as ({@code payments-canary})
 * @param step index of the canary step that set the weight
 * @param build the build that set it (its URL or full display name), for "whose canary was this"
 * @param paused whether the step ended paused for a person (a manual pause, an inconclusive analysis): a companion step
 *     that carries the canary on then goes past it, whereas a step still running when its execution died is run again
 * @param plan the canary's whole course as one JSON object (its steps, checks and how to promote it), written by the
 *     canary use case and read back by the companion steps; opaque here, {@code null} when none was recorded
 */
public record RouteState(int weight, String canaryRelease, int step, String build, boolean paused, String plan) {
    /** The annotation that holds the state, as one JSON object. */
    public static final String ANNOTATION = "kube-delivery.io/canary";

    public RouteState {
        if (weight < 0 || weight > 100) {
            throw new IllegalArgumentException("a canary weight is a percentage, not " + weight);
        }
    }

    /** A running step's state without a recorded plan. */
    public RouteState(int weight, String canaryRelease, int step, String build) {
        this(weight, canaryRelease, step, build, false, null);
    }

    /** The same canary, with its plan, at another weight; a new step is not paused (yet). */
    public RouteState at(int newWeight, int newStep) {
        return new RouteState(newWeight, canaryRelease, newStep, build, paused && newStep == step, plan);
    }

    /** The same canary with its plan recorded too. */
    public RouteState withPlan(String planJson) {
        return new RouteState(weight, canaryRelease, step, build, paused, planJson);
    }

    /** The same canary, its step ended paused for a person. */
    public RouteState pausedHere() {
        return new RouteState(weight, canaryRelease, step, build, true, plan);
    }

    /** What a person reads in a message: {@code 10% for payments-canary at step 0 by <build>} (the plan is left out). */
    @Override
    public String toString() {
        return weight + "% for " + canaryRelease + " at step " + step + (paused ? " (paused)" : "") + " by " + build;
    }

    /** The state as one line, for messages: "none" when nothing is recorded. */
    public static String describe(Optional<RouteState> state) {
        return state.map(RouteState::toString).orElse("none");
    }

    public String toJson() {
        JsonObject json = new JsonObject().add("weight", weight).add("canaryRelease", canaryRelease).add("step", step)
                .add("build", build);
        if (paused) {
            json.add("paused", true);
        }
        if (plan != null) {
            json.add("plan", Json.parse(plan));
        }
        return json.toString();
    }

    /**
     * The state recorded on an object, empty when it carries none.
     *
     * @throws RoutingException when the annotation is there but not the plugin's JSON (edited by hand)
     */
    public static Optional<RouteState> of(JsonObject object) {
        String text = KubeObjects.object(object, "metadata", "annotations").getString(ANNOTATION, null);
        if (text == null) {
            return Optional.empty();
        }
        try {
            JsonValue value = Json.parse(text);
            JsonObject state = value.asObject();
            JsonValue plan = state.get("plan");
            return Optional.of(new RouteState(state.getInt("weight", 0), state.getString("canaryRelease", ""),
                    state.getInt("step", 0), state.getString("build", ""), state.getBoolean("paused", false), plan == null || plan.isNull() ? null : plan.toString()));
        } catch (ParseException | UnsupportedOperationException | IllegalArgumentException e) {
            throw new RoutingException(KubeObjects.name(object) + " has annotation " + ANNOTATION + " = '" + text + "', which is"
                    + " not the state the plugin writes: remove the annotation (kubectl annotate ... " + ANNOTATION + "-)"
                    + " once no canary is running");
        }
    }

    /** Puts this state on a copy-in-progress of an object (its {@code metadata.annotations}). */
    public void writeTo(JsonObject object) {
        annotations(object).set(ANNOTATION, toJson());
    }

    /** Takes the plugin's state off an object: no canary runs any more. */
    public static void removeFrom(JsonObject object) {
        annotations(object).remove(ANNOTATION);
    }

    private static JsonObject annotations(JsonObject object) {
        JsonObject metadata = object.get("metadata").asObject();
        JsonValue annotations = metadata.get("annotations");
        if (annotations == null || !annotations.isObject()) {
            metadata.set("annotations", new JsonObject());
        }
        return metadata.get("annotations").asObject();
    }
}
