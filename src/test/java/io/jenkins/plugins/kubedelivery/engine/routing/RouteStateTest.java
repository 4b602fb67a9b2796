package io.jenkins.plugins.kubedelivery.engine.routing;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import java.util.Optional;
import org.junit.Test;

public class RouteStateTest {
    private static JsonObject object(String annotations) {
        return Json.parse("{\"metadata\":{\"name\":\"payments\"" + (annotations == null ? "" : ",\"annotations\":" + annotations)
                + "}}").asObject();
    }

    @Test
    public void theStateTravelsInOneAnnotationAndReadsBack() {
        RouteState state = new RouteState(25, "payments-canary", 1, "payments/main #12");
        JsonObject route = object(null);
        state.writeTo(route);
        assertEquals(Optional.of(state), RouteState.of(route));
        RouteState.removeFrom(route);
        assertEquals(Optional.empty(), RouteState.of(route));
    }

    @Test
    public void thePlanTravelsInTheSameAnnotationAsANestedObjectAndStaysAcrossWeights() {
        RouteState state = new RouteState(10, "payments-canary", 0, "b").withPlan("{\"version\":1,\"steps\":[10,100]}");
        JsonObject route = object(null);
        state.at(100, 1).writeTo(route);
        String annotation = route.get("metadata").asObject().get("annotations").asObject().getString(RouteState.ANNOTATION, "");
        assertThat(annotation, containsString("\"plan\":{\"version\":1,"));
        RouteState read = RouteState.of(route).orElseThrow();
        assertEquals(new RouteState(100, "payments-canary", 1, "b", false, "{\"version\":1,\"steps\":[10,100]}"), read);
        assertEquals("the plan stays out of messages", "100% for payments-canary at step 1 by b", read.toString());
    }

    @Test
    public void aPauseIsRecordedForItsStepOnly() {
        RouteState paused = new RouteState(25, "payments-canary", 1, "b").pausedHere();
        JsonObject route = object(null);
        paused.writeTo(route);
        assertEquals(Optional.of(paused), RouteState.of(route));
        assertTrue(RouteState.of(route).orElseThrow().paused());
        assertEquals("25% for payments-canary at step 1 (paused) by b", paused.toString());
        assertTrue("a router's read-back weight for the same step keeps the pause", paused.at(20, 1).paused());
        assertFalse("the next step runs", paused.at(50, 2).paused());
    }

    @Test
    public void anAnnotationEditedByHandIsNamedNotGuessed() {
        RoutingException garbled = assertThrows(RoutingException.class,
                () -> RouteState.of(object("{\"kube-delivery.io/canary\":\"25%\"}")));
        assertThat(garbled.getMessage(), containsString("payments has annotation kube-delivery.io/canary = '25%', which is not"
                + " the state the plugin writes"));
        assertThrows(RoutingException.class, () -> RouteState.of(object("{\"kube-delivery.io/canary\":\"{\\\"weight\\\":300}\"}")));
    }

    @Test
    public void aReadingMatchesItsRecordOnlyWhenNobodyMovedTheWeights() {
        RouteState state = new RouteState(25, "payments-canary", 1, "b");
        assertTrue(new RouteReading(25, Optional.of(state)).matchesRecord());
        assertFalse(new RouteReading(0, Optional.of(state)).matchesRecord());
        assertTrue(RouteReading.NO_CANARY.matchesRecord());
        assertFalse("weights without a record: someone else's split", new RouteReading(10, Optional.empty()).matchesRecord());
    }
}
