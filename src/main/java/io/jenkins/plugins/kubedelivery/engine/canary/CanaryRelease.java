package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The canary's Helm release, {@code <release>-canary}, and the checks made before it is installed,
 * so that no traffic moves to a canary that would overwrite, adopt or blur into the stable release.
 * Pure: the caller reads the existing release's labels and renders both releases' objects.
 */
public final class CanaryRelease {
    public static final String SUFFIX = "-canary";
    /**
     * The Helm release label ({@code helm --labels}, helm 3.13 and later) that marks a release as the
     * plugin's canary of the stable release it names.
     */
    public static final String CANARY_OF = "kube-delivery.io/canary-of";

    private CanaryRelease() {}

    /** One object a release renders; {@code namespace} as it will be installed (the release's when the chart sets none). */
    public record ObjectId(String kind, String namespace, String name) {
        @Override
        public String toString() {
            return kind + " " + namespace + "/" + name;
        }
    }

    /**
     * A release's Service and the pods it runs: what decides whether traffic for one reaches the other.
     *
     * @param podLabels the pod template labels of each of its workloads
     */
    public record Selection(String release, String service, Map<String, String> selector, List<Map<String, String>> podLabels) {
        public Selection {
            selector = Map.copyOf(selector);
            podLabels = List.copyOf(podLabels);
        }

        /** Whether this Service sends traffic to pods with these labels (a Service without a selector selects none). */
        boolean selects(Map<String, String> labels) {
            return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
        }

        boolean selectsAnyPodOf(Selection other) {
            return other.podLabels.stream().anyMatch(this::selects);
        }
    }

    /** {@code payments} → {@code payments-canary}, within Helm's limits. */
    public static String nameFor(String release) {
        return nameFor("service", release);
    }

    /**
     * As {@link #nameFor(String)}, naming in its errors the parameter the release came from.
     *
     * @param parameter {@code release} when the user named the release, {@code service} when it is the service's name
     */
    public static String nameFor(String parameter, String release) {
        if (release.endsWith(SUFFIX)) {
            throw new ValidationException(parameter, "release '" + release + "' already ends in '" + SUFFIX + "', so its canary"
                    + " could not be told apart from a canary of '" + release.substring(0, release.length() - SUFFIX.length())
                    + "': rename the release");
        }
        String name = release + SUFFIX;
        if (name.length() > 53) {
            throw new ValidationException(parameter, "the canary release '" + name + "' would be longer than Helm's 53"
                    + " characters: the release name may have at most " + (53 - SUFFIX.length()) + " for a canary");
        }
        return NameRules.requireReleaseName(parameter, name);
    }

    /**
     * Refuses a release of the canary's name that is not the plugin's canary of this stable release.
     *
     * @param existingLabels the labels of the release named {@code nameFor(stableRelease)}, empty when there is none
     */
    public static void requireOwnedOrAbsent(String stableRelease, Optional<Map<String, String>> existingLabels) {
        if (existingLabels.isPresent() && !stableRelease.equals(existingLabels.get().get(CANARY_OF))) {
            String canary = nameFor(stableRelease);
            String theirs = existingLabels.get().get(CANARY_OF);
            throw new ValidationException("service", "release '" + canary + "' already exists and is "
                    + (theirs == null ? "not a canary the plugin installed" : "the plugin's canary of '" + theirs + "'")
                    + " (its release label " + CANARY_OF + " is not '" + stableRelease + "'): the plugin will not take it"
                    + " over; uninstall it (helm uninstall " + canary + ") if it is unused, or rename the service's release");
        }
    }

    /**
     * Refuses a chart that renders the same object names for both releases (a fixed {@code fullnameOverride}):
     * installing the canary would overwrite the stable release's objects.
     */
    public static void requireDistinctObjects(List<ObjectId> stable, List<ObjectId> canary) {
        Set<ObjectId> shared = new LinkedHashSet<>(stable);
        shared.retainAll(new LinkedHashSet<>(canary));
        if (!shared.isEmpty()) {
            throw new ValidationException("chart", "the stable and the canary release render the same objects ("
                    + shared.stream().map(ObjectId::toString).collect(Collectors.joining(", ")) + "), so the canary would"
                    + " overwrite the stable release: derive the names from the release name ({{ .Release.Name }}, as"
                    + " 'helm create' charts do) instead of a fixed fullnameOverride");
        }
    }

    /**
     * For an L7 router (nginx, gatewayApi, istio), which sends each share to one Service: each Service
     * must select its own release's pods only, or part of a share silently lands on the other version.
     */
    public static void requireSeparateSelection(Selection stable, Selection canary) {
        List<String> problems = new ArrayList<>();
        if (stable.selectsAnyPodOf(canary)) {
            problems.add(overlap(stable, canary));
        }
        if (canary.selectsAnyPodOf(stable)) {
            problems.add(overlap(canary, stable));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("chart", String.join("; ", problems) + ": the traffic split would silently be wrong;"
                    + " add a label that differs per release to the Service selector and the pod labels (for example"
                    + " app.kubernetes.io/instance: {{ .Release.Name }})");
        }
    }

    /**
     * For the {@code replicas()} router, which has no router but the stable Service: that Service must
     * select the canary's pods, or the canary gets no traffic at all.
     */
    public static void requireStableSelectsCanary(Selection stable, Selection canary) {
        if (canary.podLabels().isEmpty() || !canary.podLabels().stream().allMatch(stable::selects)) {
            throw new ValidationException("router", "service " + stable.service() + " (selector " + stable.selector() + ") does"
                    + " not select the pods of release " + canary.release() + " (labels " + canary.podLabels() + "), so the"
                    + " replicas() router would give the canary no traffic: the stable Service's selector must use only"
                    + " labels both releases share, or use an L7 router (nginx, gatewayApi, istio)");
        }
    }

    private static String overlap(Selection service, Selection pods) {
        return "service " + service.service() + " of release " + service.release() + " (selector " + service.selector()
                + ") also selects the pods of release " + pods.release();
    }
}
