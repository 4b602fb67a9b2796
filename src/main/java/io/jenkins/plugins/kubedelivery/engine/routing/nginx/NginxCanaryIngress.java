package io.jenkins.plugins.kubedelivery.engine.routing.nginx;

import static io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects.array;
import static io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects.copy;
import static io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects.describe;
import static io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects.name;
import static io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects.namespace;
import static io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects.object;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import io.jenkins.plugins.kubedelivery.engine.preview.Ownership;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The canary Ingress ingress-nginx needs beside the stable one, derived from it as Argo Rollouts
 * derives it: only the stable Ingress's paths that lead to the stable Service, led to the canary
 * Service instead, with {@code canary: "true"} and {@code canary-weight}. Pure functions over the
 * objects as {@code kubectl get -o json} returns them; the router applies what they produce.
 */
public final class NginxCanaryIngress {
    /** ingress-nginx's default {@code --annotations-prefix}. */
    public static final String DEFAULT_ANNOTATION_PREFIX = "nginx.ingress.kubernetes.io";
    /** The legacy class annotation, copied so that a controller selecting by it serves the canary too. */
    static final String LEGACY_CLASS = "kubernetes.io/ingress.class";
    /** Labels the canary Ingress with the stable Ingress it was derived from. */
    public static final String CANARY_OF = "kube-delivery.io/canary-of";

    private NginxCanaryIngress() {}

    /** The canary Ingress's name: the stable one's, suffixed. */
    public static String canaryName(String stableIngress) {
        return stableIngress + "-canary";
    }

    /**
     * @param stable the stable Ingress
     * @param stableService the Service the stable version runs behind
     * @param canaryService the canary release's Service
     * @param weight the canary's percent of traffic
     * @throws RoutingException when the stable Ingress is itself a canary or has no path to the stable Service
     */
    public static JsonObject derive(JsonObject stable, String stableService, String canaryService, int weight, String prefix) {
        String name = name(stable);
        String where = describe("ingress", stable);
        if (isCanary(stable, prefix)) {
            throw new RoutingException(where + " is itself a canary Ingress (" + prefix + "/canary: \"true\"): name the"
                    + " Ingress that serves the stable version");
        }
        JsonArray rules = canaryRules(stable, stableService, canaryService);
        if (rules.isEmpty()) {
            throw new RoutingException(where + " has no path whose backend is service " + stableService + ": name the"
                    + " Ingress that routes to the stable Service, or set the service the canary splits");
        }
        JsonObject annotations = new JsonObject()
                .add(prefix + "/canary", "true")
                .add(prefix + "/canary-weight", Integer.toString(weight));
        JsonValue legacyClass = object(stable, "metadata", "annotations").get(LEGACY_CLASS);
        if (legacyClass != null) {
            annotations.add(LEGACY_CLASS, legacyClass);
        }
        JsonObject spec = new JsonObject();
        JsonValue className = object(stable, "spec").get("ingressClassName");
        if (className != null && !className.isNull()) {
            spec.add("ingressClassName", className);
        }
        spec.add("rules", rules);
        return new JsonObject()
                .add("apiVersion", "networking.k8s.io/v1")
                .add("kind", "Ingress")
                .add("metadata", new JsonObject()
                        .add("name", canaryName(name))
                        .add("namespace", namespace(stable))
                        .add("labels", new JsonObject().add(Ownership.MANAGED_BY, Ownership.MANAGER).add(CANARY_OF, name))
                        .add("annotations", annotations))
                .add("spec", spec);
    }

    /**
     * Other canary Ingresses that already cover one of the canary's host and path pairs: ingress-nginx
     * honours only one canary per host and path and silently ignores the others, so the split would
     * be wrong without anyone noticing.
     *
     * @param canary the canary Ingress this plugin would apply
     * @param ingresses every Ingress in the namespace
     * @return one line per conflict, naming the other Ingress, host and path; empty when there is none
     */
    public static List<String> conflicts(JsonObject canary, List<JsonObject> ingresses, String prefix) {
        List<String> conflicts = new ArrayList<>();
        List<String> ours = hostPaths(canary);
        for (JsonObject other : ingresses) {
            if (name(other).equals(name(canary)) || !isCanary(other, prefix)) {
                continue;
            }
            for (String hostPath : hostPaths(other)) {
                if (ours.contains(hostPath)) {
                    conflicts.add(describe("ingress", other) + " is already a canary for " + hostPath);
                }
            }
        }
        return conflicts;
    }

    /**
     * A copy of the plugin's canary Ingress (resourceVersion and everything else kept) at another weight: its rules
     * stay as they were derived, so a weight step is one write without reading the stable Ingress again.
     */
    public static JsonObject withWeight(JsonObject canary, int weight, String prefix) {
        JsonObject copy = Json.parse(canary.toString()).asObject();
        JsonObject metadata = copy.get("metadata").asObject();
        JsonObject annotations = object(copy, "metadata", "annotations");
        annotations.set(prefix + "/canary", "true").set(prefix + "/canary-weight", Integer.toString(weight));
        metadata.set("annotations", annotations);
        return copy;
    }

    /** The canary's percent of traffic as the Ingress carries it, 0 when it carries none. */
    public static int weight(JsonObject canary, String prefix) {
        String text = object(canary, "metadata", "annotations").getString(prefix + "/canary-weight", "0");
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new RoutingException(describe("ingress", canary) + " has canary-weight '" + text
                    + "', which is not a whole number");
        }
    }

    /** Whether the plugin made this Ingress: it never changes or deletes one it did not. */
    public static boolean isOurs(JsonObject ingress) {
        return Ownership.MANAGER.equals(object(ingress, "metadata", "labels").getString(Ownership.MANAGED_BY, null));
    }

    private static boolean isCanary(JsonObject ingress, String prefix) {
        return "true".equals(object(ingress, "metadata", "annotations").getString(prefix + "/canary", null));
    }

    /** The stable rules' paths to the stable Service, pointed at the canary Service; rules left empty are dropped. */
    private static JsonArray canaryRules(JsonObject stable, String stableService, String canaryService) {
        JsonArray rules = new JsonArray();
        for (JsonValue ruleValue : array(object(stable, "spec"), "rules")) {
            JsonObject rule = ruleValue.asObject();
            JsonArray paths = new JsonArray();
            for (JsonValue pathValue : array(object(rule, "http"), "paths")) {
                JsonObject path = pathValue.asObject();
                JsonObject service = object(path, "backend", "service");
                if (stableService.equals(service.getString("name", null))) {
                    JsonObject canaryPath = new JsonObject();
                    copy(path, canaryPath, "path");
                    copy(path, canaryPath, "pathType");
                    JsonObject backend = new JsonObject().add("name", canaryService);
                    copy(service, backend, "port");
                    paths.add(canaryPath.add("backend", new JsonObject().add("service", backend)));
                }
            }
            if (!paths.isEmpty()) {
                JsonObject canaryRule = new JsonObject();
                copy(rule, canaryRule, "host");
                rules.add(canaryRule.add("http", new JsonObject().add("paths", paths)));
            }
        }
        return rules;
    }

    /** {@code host/path} of every path the Ingress routes, with {@code *} for a rule without host. */
    private static List<String> hostPaths(JsonObject ingress) {
        List<String> hostPaths = new ArrayList<>();
        for (JsonValue ruleValue : array(object(ingress, "spec"), "rules")) {
            JsonObject rule = ruleValue.asObject();
            String host = rule.getString("host", "*");
            for (JsonValue pathValue : array(object(rule, "http"), "paths")) {
                hostPaths.add(host + Objects.requireNonNullElse(pathValue.asObject().getString("path", null), "/"));
            }
        }
        return hostPaths;
    }
}
