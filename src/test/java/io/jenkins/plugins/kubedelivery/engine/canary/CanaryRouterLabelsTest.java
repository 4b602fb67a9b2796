package io.jenkins.plugins.kubedelivery.engine.canary;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

public class CanaryRouterLabelsTest {
    @Test
    public void eachRouterIsReadBackFromTheLabelsItWasRecordedAs() {
        for (RouterSpec router : List.of(new RouterSpec.Nginx("payments"), new RouterSpec.GatewayApi("payments", "api-v1.primary"),
                new RouterSpec.GatewayApi("payments", null), new RouterSpec.Istio("payments-vs", "primary"), new RouterSpec.Replicas())) {
            Map<String, String> labels = CanaryRouterLabels.of("payments", router);
            assertEquals("payments", labels.get(CanaryRelease.CANARY_OF));
            assertEquals(router.toString(), Optional.of(router), CanaryRouterLabels.routerOf(labels));
        }
        assertEquals(Map.of(CanaryRelease.CANARY_OF, "payments", CanaryRouterLabels.ROUTER, "gatewayApi",
                CanaryRouterLabels.OBJECT, "payments", CanaryRouterLabels.SECTION, "primary"),
                CanaryRouterLabels.of("payments", new RouterSpec.GatewayApi("payments", "primary")));
    }

    @Test
    public void aCanaryThatRecordsNoRouterHasNone() {
        assertEquals(Optional.empty(), CanaryRouterLabels.routerOf(Map.of(CanaryRelease.CANARY_OF, "payments")));
        Map<String, String> noObject = new HashMap<>(CanaryRouterLabels.of("payments", new RouterSpec.Nginx("payments")));
        noObject.remove(CanaryRouterLabels.OBJECT);
        assertEquals(Optional.empty(), CanaryRouterLabels.routerOf(noObject));
    }

    @Test
    public void aRuleOrRouteNameALabelCannotHoldIsRefusedWhenTheRouterIsGiven() {
        for (String name : List.of("", "-primary", "primary.", "v1/api", "a b", "x".repeat(64))) {
            ValidationException refused = assertThrows(name, ValidationException.class, () -> new RouterSpec.Istio("payments", name));
            assertEquals("router", refused.parameter());
            assertThat(refused.getMessage(), containsString("1 to 63 letters"));
            assertThrows(name, ValidationException.class, () -> new RouterSpec.GatewayApi("payments", name));
        }
        assertEquals("x".repeat(63), new RouterSpec.Istio("payments", "x".repeat(63)).route());
    }
}
