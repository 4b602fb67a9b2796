package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.StepResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a deploy did, or for a dry run what it would do: the same fields with the same meaning.
 *
 * @param chart the chart's name, chartVersion and appVersion as the (rendered) release records them
 * @param revision the release revision now current; for a dry run, the revision the deploy would create
 * @param previousRevision the revision deployed before, or {@code null} for a first install
 * @param status helm's status of the new revision ({@code deployed}), or {@code dry-run}
 * @param diff for a dry run, the change the deploy would make and the hooks it would run; {@code null} otherwise
 */
public record DeployResult(String release, String namespace, String chart, String chartVersion, String appVersion,
        int revision, Integer previousRevision, String status, String helmVersion, long durationMillis, String diff)
        implements StepResult {

    /** A dry run, and only a dry run, carries a diff. */
    public boolean isDryRun() {
        return diff != null;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("release", release);
        map.put("namespace", namespace);
        map.put("chart", chart);
        map.put("chartVersion", chartVersion);
        map.put("appVersion", appVersion);
        map.put("revision", revision);
        map.put("previousRevision", previousRevision);
        map.put("status", status);
        map.put("helmVersion", helmVersion);
        map.put("durationMillis", durationMillis);
        if (diff != null) {
            map.put("diff", diff);
        }
        return map;
    }
}
