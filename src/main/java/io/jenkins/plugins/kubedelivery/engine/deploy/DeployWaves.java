package io.jenkins.plugins.kubedelivery.engine.deploy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order in which deployServices deploys its services: in waves, each service in the wave after
 * the last of the services it depends on ({@code delivery.yaml}'s {@code dependsOn}, followed through
 * services not deployed this time), so a service never starts before what it needs is deployed.
 * Pure: the graph in, the waves out; {@code ServiceCatalogReader} has refused cycles already.
 */
final class DeployWaves {
    private final List<String> services;
    /** Per service, the services of this deploy it waits for, directly or through others. */
    private final Map<String, Set<String>> waitsFor = new HashMap<>();
    private final Map<String, Integer> wave = new HashMap<>();

    /**
     * @param services the services deployed, in the order given
     * @param dependsOn by service, the services it depends on (any service of the repository)
     */
    DeployWaves(List<String> services, Map<String, List<String>> dependsOn) {
        this.services = List.copyOf(services);
        Set<String> deployed = Set.copyOf(services);
        for (String service : services) {
            Set<String> found = new LinkedHashSet<>();
            Set<String> seen = new LinkedHashSet<>();
            Deque<String> next = new ArrayDeque<>(dependsOn.getOrDefault(service, List.of()));
            while (!next.isEmpty()) {
                String dependency = next.pop();
                if (dependency.equals(service)) {
                    throw new IllegalArgumentException(service + " depends on itself through " + seen);
                }
                if (seen.add(dependency)) {
                    if (deployed.contains(dependency)) {
                        found.add(dependency);
                    }
                    next.addAll(dependsOn.getOrDefault(dependency, List.of()));
                }
            }
            waitsFor.put(service, found);
        }
        for (String service : services) {
            wave.put(service, waveOf(service));
        }
    }

    /** 0 without dependencies among the deployed services, else one more than the latest of them. */
    private int waveOf(String service) {
        int latest = -1;
        for (String dependency : waitsFor.get(service)) {
            latest = Math.max(latest, waveOf(dependency));
        }
        return latest + 1;
    }

    /** The waves in order, each with its services in the order given; one wave when none depends on another. */
    List<List<String>> waves() {
        List<List<String>> waves = new ArrayList<>();
        for (String service : services) {
            int index = wave.get(service);
            while (waves.size() <= index) {
                waves.add(new ArrayList<>());
            }
            waves.get(index).add(service);
        }
        return waves;
    }

    /** A service this one waits for that was not deployed (failed or skipped), so it must not be deployed either. */
    Optional<String> blockedBy(String service, Set<String> notDeployed) {
        return waitsFor.get(service).stream().filter(notDeployed::contains).findFirst();
    }
}
