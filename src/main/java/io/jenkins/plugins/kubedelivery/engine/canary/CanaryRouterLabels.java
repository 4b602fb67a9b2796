package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The router a canary was started with, recorded as labels on its release ({@code helm --labels}),
 * so that a deploy or rollback of the service, which is told no router, finds the routing object
 * that carries the canary's state and can send its traffic back. Label values are at most 63
 * characters of {@code [A-Za-z0-9._-]}, starting and ending with a letter or digit: the router's
 * kind and object name (a DNS label) always are; a rule or route name that is not is refused when
 * the router is given, before any command, rather than encoded, so that the label reads as the name
 * the user wrote and a person can find the object by it.
 */
final class CanaryRouterLabels {
    /** {@code nginx}, {@code gatewayApi}, {@code istio} or {@code replicas}: the step's router symbols. */
    static final String ROUTER = "kube-delivery.io/canary-router";
    /** The routing object's name: the stable Ingress, the HTTPRoute, the VirtualService. */
    static final String OBJECT = "kube-delivery.io/canary-router-object";
    /** The HTTPRoute rule or VirtualService http route the router was pinned to, when it was. */
    static final String SECTION = "kube-delivery.io/canary-router-section";

    private static final int MAX_VALUE_LENGTH = 63;
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

    private CanaryRouterLabels() {}

    /** The canary release's labels: whose canary it is, and its router. */
    static Map<String, String> of(String stableRelease, RouterSpec router) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(CanaryRelease.CANARY_OF, stableRelease);
        if (router instanceof RouterSpec.Nginx nginx) {
            put(labels, "nginx", nginx.ingress(), null);
        } else if (router instanceof RouterSpec.GatewayApi gatewayApi) {
            put(labels, "gatewayApi", gatewayApi.route(), gatewayApi.rule());
        } else if (router instanceof RouterSpec.Istio istio) {
            put(labels, "istio", istio.virtualService(), istio.route());
        } else {
            put(labels, "replicas", null, null);
        }
        return labels;
    }

    /** The router recorded on a canary release; empty when it carries none (installed before routers were recorded). */
    static Optional<RouterSpec> routerOf(Map<String, String> labels) {
        String object = labels.get(OBJECT);
        String section = labels.get(SECTION);
        String kind = labels.getOrDefault(ROUTER, "");
        if (object == null && !kind.equals("replicas")) {
            return Optional.empty();
        }
        return switch (kind) {
            case "nginx" -> Optional.of(new RouterSpec.Nginx(object));
            case "gatewayApi" -> Optional.of(new RouterSpec.GatewayApi(object, section));
            case "istio" -> Optional.of(new RouterSpec.Istio(object, section));
            case "replicas" -> Optional.of(new RouterSpec.Replicas());
            default -> Optional.empty();
        };
    }

    /**
     * Refuses a rule or route name that a label cannot hold as it is.
     *
     * @throws ValidationException naming the parameter
     */
    static String requireSection(String parameter, String section) {
        if (section != null && (section.isEmpty() || section.length() > MAX_VALUE_LENGTH || !LABEL_VALUE.matcher(section).matches())) {
            throw new ValidationException(parameter, "'" + section + "' is recorded on the canary release as a label, so that"
                    + " a later deploy can send the canary's traffic back: it must be 1 to " + MAX_VALUE_LENGTH + " letters,"
                    + " digits, '-', '_' or '.', starting and ending with a letter or digit; name the rule or route so");
        }
        return section;
    }

    private static void put(Map<String, String> labels, String kind, String object, String section) {
        labels.put(ROUTER, kind);
        if (object != null) {
            labels.put(OBJECT, object);
        }
        if (section != null) {
            labels.put(SECTION, section);
        }
    }
}
