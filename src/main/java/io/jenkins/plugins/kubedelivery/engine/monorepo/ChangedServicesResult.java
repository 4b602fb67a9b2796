package io.jenkins.plugins.kubedelivery.engine.monorepo;

import io.jenkins.plugins.kubedelivery.engine.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changedServices found.
 *
 * @param services the affected services in catalogue order, each with its reason
 * @param all whether every service was taken because no exact answer was possible (see {@code why})
 * @param baseCommit the commit compared with, or {@code null} when there was none
 * @param why how the base was chosen, or why every service was taken
 * @param changedFiles how many files differ from the base
 */
public record ChangedServicesResult(List<AffectedService> services, boolean all, String baseCommit, String why,
        int changedFiles, long durationMillis) implements StepResult {
    public ChangedServicesResult {
        services = List.copyOf(services);
    }

    public List<String> names() {
        return services.stream().map(AffectedService::service).toList();
    }

    /**
     * {@code services} (the names, in catalogue order), {@code reasons} (service to why it is
     * affected), {@code dependsOn} (service to the listed services it depends on, to be delivered
     * before it; an empty list for none), {@code all}, {@code baseCommit}, {@code why}, {@code changedFiles}, {@code durationMillis}.
     */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> reasons = new LinkedHashMap<>();
        Map<String, Object> dependsOn = new LinkedHashMap<>();
        for (AffectedService s : services) {
            reasons.put(s.service(), s.reason());
            dependsOn.put(s.service(), new ArrayList<>(s.dependsOn()));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("services", new ArrayList<>(names()));
        map.put("reasons", reasons);
        map.put("dependsOn", dependsOn);
        map.put("all", all);
        map.put("baseCommit", baseCommit);
        map.put("why", why);
        map.put("changedFiles", changedFiles);
        map.put("durationMillis", durationMillis);
        return map;
    }
}
