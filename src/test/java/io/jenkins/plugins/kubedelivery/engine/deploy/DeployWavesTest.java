package io.jenkins.plugins.kubedelivery.engine.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;

public class DeployWavesTest {
    private static final Map<String, List<String>> SHOP = Map.of("search", List.of("payments"), "web", List.of("search", "ledger"),
            "ledger", List.of("rates"));

    @Test
    public void withoutDependenciesAllGoInOneWaveInTheOrderGiven() {
        assertEquals(List.of(List.of("web", "payments")), new DeployWaves(List.of("web", "payments"), Map.of()).waves());
    }

    @Test
    public void eachServiceGoesAfterTheLatestOfThoseItDependsOn() {
        assertEquals(List.of(List.of("payments", "rates"), List.of("search", "ledger"), List.of("web")),
                new DeployWaves(List.of("web", "search", "payments", "ledger", "rates"), SHOP).waves());
    }

    @Test
    public void dependenciesAreFollowedThroughServicesNotDeployedThisTime() {
        DeployWaves waves = new DeployWaves(List.of("web", "payments"), SHOP);
        assertEquals("web needs search, which needs payments", List.of(List.of("payments"), List.of("web")), waves.waves());
        assertEquals(Optional.of("payments"), waves.blockedBy("web", Set.of("payments")));
        assertEquals(Optional.empty(), waves.blockedBy("web", Set.of()));
        assertEquals(Optional.empty(), waves.blockedBy("payments", Set.of("web")));
    }

    @Test
    public void aCycleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DeployWaves(List.of("a", "b"), Map.of("a", List.of("b"), "b",
                List.of("a"))));
    }
}
