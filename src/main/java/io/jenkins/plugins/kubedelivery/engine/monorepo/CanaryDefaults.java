package io.jenkins.plugins.kubedelivery.engine.monorepo;

import io.jenkins.plugins.kubedelivery.engine.canary.CheckSpec;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterTemplate;
import java.util.List;

/**
 * Canary defaults from {@code delivery.yaml}; {@code null} (or empty) where it gives none, so
 * canaryShift's own defaults apply. Step parameters override each.
 *
 * @param steps traffic weights, e.g. {@code [10, 25, 50, 100]}
 * @param pause how long each step holds, as a duration text
 * @param interval time between measurements, as a duration text
 * @param router every service's router, its names with {@code {service}} and {@code {release}}, or {@code null}
 * @param analysis the checks of every service's canary; empty when the file names none
 */
public record CanaryDefaults(List<Integer> steps, String pause, String interval, Integer failureLimit,
        Integer inconclusiveLimit, Integer minRequests, String prometheusUrl, RouterTemplate router, List<CheckSpec> analysis) {
    public static final CanaryDefaults NONE = new CanaryDefaults(List.of(), null, null, null, null, null, null, null, List.of());

    public CanaryDefaults {
        steps = List.copyOf(steps);
        analysis = List.copyOf(analysis);
    }
}
