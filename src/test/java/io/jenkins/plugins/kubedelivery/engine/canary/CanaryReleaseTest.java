package io.jenkins.plugins.kubedelivery.engine.canary;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryRelease.ObjectId;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryRelease.Selection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

public class CanaryReleaseTest {
    private static final Map<String, String> STABLE_PODS = Map.of("app", "payments", "app.kubernetes.io/instance", "payments");
    private static final Map<String, String> CANARY_PODS = Map.of("app", "payments", "app.kubernetes.io/instance",
            "payments-canary");

    @Test
    public void theCanaryIsTheReleaseSuffixedWithinHelmsLimit() {
        assertEquals("payments-canary", CanaryRelease.nameFor("payments"));
        assertEquals(53, CanaryRelease.nameFor("a".repeat(46)).length());
        ValidationException tooLong = assertThrows(ValidationException.class, () -> CanaryRelease.nameFor("a".repeat(47)));
        assertThat(tooLong.getMessage(), containsString("at most 46"));
        ValidationException ofACanary = assertThrows(ValidationException.class, () -> CanaryRelease.nameFor("payments-canary"));
        assertThat(ofACanary.getMessage(), containsString("already ends in '-canary'"));
    }

    @Test
    public void aReleaseOfTheCanarysNameIsTakenOverOnlyWhenItIsThePluginsCanaryOfThisRelease() {
        CanaryRelease.requireOwnedOrAbsent("payments", Optional.empty());
        CanaryRelease.requireOwnedOrAbsent("payments", Optional.of(Map.of(CanaryRelease.CANARY_OF, "payments")));
        ValidationException foreign = assertThrows(ValidationException.class,
                () -> CanaryRelease.requireOwnedOrAbsent("payments", Optional.of(Map.of("team", "web"))));
        assertThat(foreign.getMessage(), containsString("release 'payments-canary' already exists and is not a canary the plugin"
                + " installed"));
        assertThat(foreign.getMessage(), containsString("helm uninstall payments-canary"));
        ValidationException other = assertThrows(ValidationException.class,
                () -> CanaryRelease.requireOwnedOrAbsent("payments", Optional.of(Map.of(CanaryRelease.CANARY_OF, "pay"))));
        assertThat(other.getMessage(), containsString("the plugin's canary of 'pay'"));
    }

    @Test
    public void aChartThatRendersFixedNamesIsRefused() {
        CanaryRelease.requireDistinctObjects(List.of(new ObjectId("Deployment", "prod", "payments")),
                List.of(new ObjectId("Deployment", "prod", "payments-canary"), new ObjectId("Service", "prod", "payments")));
        ValidationException shared = assertThrows(ValidationException.class, () -> CanaryRelease.requireDistinctObjects(
                List.of(new ObjectId("Deployment", "prod", "payments"), new ObjectId("Service", "prod", "payments")),
                List.of(new ObjectId("Service", "prod", "payments"), new ObjectId("Deployment", "prod", "payments"))));
        assertThat(shared.getMessage(), containsString("render the same objects (Deployment prod/payments, Service prod/payments)"));
        assertThat(shared.getMessage(), containsString("fullnameOverride"));
    }

    @Test
    public void anL7SplitNeedsEachServiceToSelectOnlyItsOwnPods() {
        CanaryRelease.requireSeparateSelection(
                new Selection("payments", "payments", Map.of("app.kubernetes.io/instance", "payments"), List.of(STABLE_PODS)),
                new Selection("payments-canary", "payments-canary", Map.of("app.kubernetes.io/instance", "payments-canary"),
                        List.of(CANARY_PODS)));
        ValidationException wide = assertThrows(ValidationException.class, () -> CanaryRelease.requireSeparateSelection(
                new Selection("payments", "payments", Map.of("app", "payments"), List.of(STABLE_PODS)),
                new Selection("payments-canary", "payments-canary", Map.of("app", "payments"), List.of(CANARY_PODS))));
        assertThat(wide.getMessage(), containsString("service payments of release payments (selector {app=payments}) also"
                + " selects the pods of release payments-canary"));
        assertThat(wide.getMessage(), containsString("service payments-canary of release payments-canary"));
        assertThat(wide.getMessage(), containsString("the traffic split would silently be wrong"));
    }

    @Test
    public void theReplicasSplitNeedsTheStableServiceToSelectTheCanarysPods() {
        CanaryRelease.requireStableSelectsCanary(new Selection("payments", "payments", Map.of("app", "payments"),
                List.of(STABLE_PODS)), new Selection("payments-canary", "payments-canary", Map.of(), List.of(CANARY_PODS)));
        ValidationException apart = assertThrows(ValidationException.class, () -> CanaryRelease.requireStableSelectsCanary(
                new Selection("payments", "payments", Map.of("app.kubernetes.io/instance", "payments"), List.of(STABLE_PODS)),
                new Selection("payments-canary", "payments-canary", Map.of(), List.of(CANARY_PODS))));
        assertThat(apart.getMessage(), containsString("would give the canary no traffic"));
        assertThrows("a Service without a selector selects nothing", ValidationException.class,
                () -> CanaryRelease.requireStableSelectsCanary(new Selection("payments", "payments", Map.of(),
                        List.of(STABLE_PODS)), new Selection("payments-canary", "payments-canary", Map.of(), List.of(CANARY_PODS))));
    }
}
