package io.jenkins.plugins.kubedelivery.engine.routing.nginx;

import static io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects.object;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.cli.WriteOutcome;
import io.jenkins.plugins.kubedelivery.engine.preview.Ownership;
import io.jenkins.plugins.kubedelivery.engine.routing.KubeObjects;
import io.jenkins.plugins.kubedelivery.engine.routing.KubeResource;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteReading;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingException;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingObjects;
import io.jenkins.plugins.kubedelivery.engine.routing.TrafficRouter;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code nginx(ingress:)} router: a canary Ingress beside the user's stable one, which it never
 * changes. The canary Ingress is the plugin's own (created with create semantics, labelled with
 * {@link Ownership#MANAGED_BY} and {@link NginxCanaryIngress#CANARY_OF}); an Ingress of that name
 * that is not the plugin's is refused, never taken over. The canary's rules are derived from the stable
 * Ingress when the canary is first written (and again whenever the router holds no version of it: a new
 * execution); each later weight replaces the canary as the router last wrote it, from that resourceVersion,
 * with no read, and a reset deletes it with preconditions on that uid and resourceVersion: one kubectl call
 * each. A change made to the canary Ingress in between makes the API server refuse the call; the router
 * then reads it again and decides again ({@link RoutingObjects}).
 */
public final class NginxRouter implements TrafficRouter {
    private final RoutingObjects objects;
    private final EngineLog log;
    private final String namespace;
    private final String stableIngress;
    private final String stableService;
    private final String canaryService;
    private final String annotationPrefix;

    /**
     * @param annotationPrefix the controller's {@code --annotations-prefix}, usually
     *     {@link NginxCanaryIngress#DEFAULT_ANNOTATION_PREFIX}
     */
    public NginxRouter(RoutingObjects objects, EngineLog log, String namespace, String stableIngress, String stableService,
            String canaryService, String annotationPrefix) {
        this.objects = objects;
        this.log = log;
        this.namespace = namespace;
        this.stableIngress = stableIngress;
        this.stableService = stableService;
        this.canaryService = canaryService;
        this.annotationPrefix = annotationPrefix;
    }

    private String canaryIngress() {
        return NginxCanaryIngress.canaryName(stableIngress);
    }

    @Override
    public String describe() {
        return KubeResource.INGRESS.describe(namespace, canaryIngress()) + " (canary of ingress " + stableIngress + ")";
    }

    @Override
    public RouteReading read() throws InterruptedException {
        Optional<JsonObject> canary = objects.get(KubeResource.INGRESS, namespace, canaryIngress());
        if (canary.isEmpty()) {
            return RouteReading.NO_CANARY;
        }
        requireOurs(canary.get());
        return reading(canary.get());
    }

    @Override
    public RouteReading setWeight(RouteState state) throws InterruptedException {
        if (objects.known(KubeResource.INGRESS, namespace, canaryIngress()).isPresent()) {
            // The canary Ingress as last written (or read): one replace from its version, its rules as derived then.
            JsonObject written = objects.update(KubeResource.INGRESS, namespace, canaryIngress(), this::owned, live -> {
                requireOurs(live);
                JsonObject next = NginxCanaryIngress.withWeight(live, state.weight(), annotationPrefix);
                state.writeTo(next);
                return next;
            });
            log.line("Canary at " + state.weight() + "% on " + describe());
            return reading(written);
        }
        // One list gives the stable Ingress, the canary if there is one, and any other canary for the same paths: the
        // list the dry run just read, when there was one (the create below has create semantics all the same).
        List<JsonObject> ingresses = objects.knownListOrList(KubeResource.INGRESS, namespace);
        JsonObject stable = named(ingresses, stableIngress).orElseThrow(() -> new RoutingException(
                KubeResource.INGRESS.describe(namespace, stableIngress) + " does not exist: name the Ingress that routes the"
                        + " stable Service " + stableService));
        JsonObject desired = NginxCanaryIngress.derive(stable, stableService, canaryService, state.weight(), annotationPrefix);
        state.writeTo(desired);
        requireNoOtherCanary(desired, ingresses);
        Optional<JsonObject> existing = named(ingresses, canaryIngress());
        if (existing.isEmpty() && objects.create(KubeResource.INGRESS, desired) == WriteOutcome.DONE) {
            log.line("Created " + describe() + " at " + state.weight() + "%");
            return reading(desired);
        }
        // It exists (or was created since the list): change it only if it is the plugin's, from the version checked.
        UnaryOperator<JsonObject> change = live -> {
            requireOurs(live);
            return merged(live, desired);
        };
        JsonObject written = existing.isPresent() ? objects.update(KubeResource.INGRESS, existing.get(), this::owned, change)
                : objects.update(KubeResource.INGRESS, namespace, canaryIngress(), this::owned, change);
        log.line("Canary at " + state.weight() + "% on " + describe());
        return reading(written);
    }

    @Override
    public void reset() throws InterruptedException {
        // From the canary Ingress as last written: one delete with preconditions on its uid and resourceVersion.
        if (objects.delete(KubeResource.INGRESS, namespace, canaryIngress(), this::owned, this::requireOurs)) {
            log.line("Deleted " + describe() + ": all traffic back on stable");
        } else {
            log.line("No " + describe() + ": all traffic is on stable already");
        }
    }

    private RouteReading reading(JsonObject canary) {
        return new RouteReading(NginxCanaryIngress.weight(canary, annotationPrefix), RouteState.of(canary));
    }

    /** On the canary Ingress the plugin owns its marks, its weight and its state. */
    private Object owned(JsonObject canary) {
        JsonObject labels = object(canary, "metadata", "labels");
        return Ownership.MANAGED_BY + "=" + labels.getString(Ownership.MANAGED_BY, "") + ", " + NginxCanaryIngress.CANARY_OF
                + "=" + labels.getString(NginxCanaryIngress.CANARY_OF, "") + ", canary-weight "
                + object(canary, "metadata", "annotations").getString(annotationPrefix + "/canary-weight", "none")
                + ", recorded state " + RouteState.describe(RouteState.of(canary));
    }

    private void requireOurs(JsonObject canary) {
        String where = KubeResource.INGRESS.describe(namespace, canaryIngress());
        if (!NginxCanaryIngress.isOurs(canary)) {
            throw new RoutingException(where + " exists and was not made by the plugin (it lacks the label " + Ownership.MANAGED_BY
                    + "=" + Ownership.MANAGER + "): the plugin will not take it over; the canary of ingress " + stableIngress
                    + " needs that name, so rename or remove that Ingress yourself if it is unused");
        }
        String canaryOf = object(canary, "metadata", "labels").getString(NginxCanaryIngress.CANARY_OF, "");
        if (!stableIngress.equals(canaryOf)) {
            throw new RoutingException(where + " is the plugin's canary of ingress " + canaryOf + ", not of " + stableIngress
                    + ": left alone; check the router's ingress parameter");
        }
    }

    private static Optional<JsonObject> named(List<JsonObject> objects, String name) {
        return objects.stream().filter(object -> name.equals(KubeObjects.name(object))).findFirst();
    }

    /** ingress-nginx honours one canary per host and path and silently ignores the others: refuse a second. */
    private void requireNoOtherCanary(JsonObject desired, List<JsonObject> ingresses) {
        List<String> conflicts = NginxCanaryIngress.conflicts(desired, ingresses, annotationPrefix);
        if (!conflicts.isEmpty()) {
            throw new RoutingException(String.join("; ", conflicts) + ": ingress-nginx would ignore a second canary for the"
                    + " same host and path, so the split would silently not happen; remove the other canary first");
        }
    }

    /**
     * The live canary (resourceVersion and anything others added kept) with the derived labels,
     * annotations and spec; kind and apiVersion set, since a list's items may lack them.
     */
    private static JsonObject merged(JsonObject live, JsonObject desired) {
        JsonObject next = Json.parse(live.toString()).asObject();
        next.set("apiVersion", desired.get("apiVersion")).set("kind", desired.get("kind"));
        JsonObject metadata = next.get("metadata").asObject();
        for (String field : List.of("labels", "annotations")) {
            JsonObject merged = object(next, "metadata", field);
            object(desired, "metadata", field).forEach(member -> merged.set(member.getName(), member.getValue()));
            metadata.set(field, merged);
        }
        next.set("spec", desired.get("spec"));
        return next;
    }
}
