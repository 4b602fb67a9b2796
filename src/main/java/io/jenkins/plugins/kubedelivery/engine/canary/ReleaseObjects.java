package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.canary.CanaryRelease.ObjectId;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryRelease.Selection;
import io.jenkins.plugins.kubedelivery.engine.deploy.ManifestObjects;
import io.jenkins.plugins.kubedelivery.engine.deploy.ObjectKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One release's objects as helm renders them (a stable release's recorded manifest, or the canary's
 * {@code helm template}), read for what the canary's checks compare: names, the release's Service
 * and the pods it would select, and the autoscalers it brings. Values are only read, never shown
 * (a manifest may hold Secrets).
 */
final class ReleaseObjects {
    /** The kinds whose pod template runs the release's serving pods. */
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet");

    private final String release;
    private final Map<ObjectKey, Map<String, Object>> objects;

    private ReleaseObjects(String release, Map<ObjectKey, Map<String, Object>> objects) {
        this.release = release;
        this.objects = objects;
    }

    /** @param what which manifest, for a parse error ("the canary's rendered manifest") */
    static ReleaseObjects parse(String release, String manifest, String namespace, String what) {
        return new ReleaseObjects(release, ManifestObjects.parse(manifest, namespace, what));
    }

    List<ObjectId> ids() {
        return objects.keySet().stream().map(key -> new ObjectId(key.kind(), key.namespace(), key.name())).toList();
    }

    /**
     * The release's Service (named as the release, as the routers expect) and its workloads' pod
     * labels; a release without that Service selects nothing.
     */
    Selection selection() {
        Map<String, String> selector = Map.of();
        List<Map<String, String>> podLabels = new ArrayList<>();
        for (Map.Entry<ObjectKey, Map<String, Object>> entry : objects.entrySet()) {
            String kind = entry.getKey().kind();
            if (kind.equals("Service") && entry.getKey().name().equals(release)) {
                selector = strings(path(entry.getValue(), "spec", "selector"));
            } else if (WORKLOADS.contains(kind)) {
                podLabels.add(strings(path(entry.getValue(), "spec", "template", "metadata", "labels")));
            }
        }
        return new Selection(release, release, selector, podLabels);
    }

    /** The autoscalers this release brings that scale the Deployment of this name ({@code kind namespace/name}). */
    List<String> autoscalersOf(String deployment) {
        List<String> found = new ArrayList<>();
        objects.forEach((key, object) -> {
            Map<String, String> target = strings(path(object, "spec", "scaleTargetRef"));
            if (key.kind().equals("HorizontalPodAutoscaler") && scalesDeployment(target.get("kind"), target.get("name"), deployment)) {
                found.add("horizontalpodautoscaler " + key.namespace() + "/" + key.name());
            }
        });
        return found;
    }

    /** Whether an autoscaler's {@code scaleTargetRef} (rendered, or as the server returns it) is this Deployment. */
    static boolean scalesDeployment(String targetKind, String targetName, String deployment) {
        return "Deployment".equals(targetKind) && deployment.equals(targetName);
    }

    private static Object path(Map<String, Object> object, String... keys) {
        Object node = object;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    /** A map of strings, as labels are; anything else is no labels. */
    private static Map<String, String> strings(Object node) {
        Map<String, String> strings = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> strings.put(String.valueOf(k), String.valueOf(v)));
        }
        return strings;
    }
}
