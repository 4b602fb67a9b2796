package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A router as {@code delivery.yaml}'s {@code canary.router} names it for every service at once: the
 * names may hold {@code {service}} and {@code {release}}, filled in for the service a step runs on
 * ({@link #resolve}), e.g. {@code nginx: {ingress: '{release}'}}.
 *
 * @param kind which router
 * @param object the router's object (Ingress, HTTPRoute, VirtualService), {@code null} for replicas
 * @param section the HTTPRoute's rule or the VirtualService's route, or {@code null}
 */
public record RouterTemplate(Kind kind, String object, String section) {
    public static final String SERVICE = "{service}";
    public static final String RELEASE = "{release}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");

    /** The routers, by the names the step's {@code router} parameter and {@code delivery.yaml} give them and their fields. */
    public enum Kind {
        NGINX("nginx", "ingress", null),
        GATEWAY_API("gatewayApi", "route", "rule"),
        ISTIO("istio", "virtualService", "route"),
        REPLICAS("replicas", null, null);

        private final String key;
        private final String objectKey;
        private final String sectionKey;

        Kind(String key, String objectKey, String sectionKey) {
            this.key = key;
            this.objectKey = objectKey;
            this.sectionKey = sectionKey;
        }

        /** {@code nginx}, as the step's symbol and the file's key. */
        public String key() {
            return key;
        }

        /** The field naming the router's object ({@code ingress}), or {@code null} when it has none. */
        public String objectKey() {
            return objectKey;
        }

        /** The field naming a rule or route within it, or {@code null} when it has none. */
        public String sectionKey() {
            return sectionKey;
        }
    }

    /**
     * @throws ValidationException naming {@code router} when a name holds a placeholder other than
     *     {@code {service}} and {@code {release}}, or when the router needs an object and has none
     */
    public RouterTemplate {
        if (kind.objectKey() != null && (object == null || object.isBlank())) {
            throw new ValidationException("router", kind.key() + " needs " + kind.objectKey() + ", e.g. " + kind.key() + ": {"
                    + kind.objectKey() + ": '" + RELEASE + "'}");
        }
        requireKnownPlaceholders(object);
        requireKnownPlaceholders(section);
    }

    /**
     * The router of one service, its names filled in and checked as the step's router parameter is.
     *
     * @throws ValidationException naming {@code router} when a filled-in name is not a valid one
     */
    public RouterSpec resolve(String service, String release) {
        String name = fill(object, service, release);
        String within = fill(section, service, release);
        return switch (kind) {
            case NGINX -> new RouterSpec.Nginx(name);
            case GATEWAY_API -> new RouterSpec.GatewayApi(name, within);
            case ISTIO -> new RouterSpec.Istio(name, within);
            case REPLICAS -> new RouterSpec.Replicas();
        };
    }

    /** {@code nginx(ingress: payments)}: the router of one service as the build log and the step's parameter write it. */
    public String describe(String service, String release) {
        StringBuilder text = new StringBuilder(kind.key()).append('(');
        if (kind.objectKey() != null) {
            text.append(kind.objectKey()).append(": ").append(fill(object, service, release));
        }
        if (section != null) {
            text.append(", ").append(kind.sectionKey()).append(": ").append(fill(section, service, release));
        }
        return text.append(')').toString();
    }

    private static String fill(String text, String service, String release) {
        return text == null ? null : text.replace(SERVICE, service).replace(RELEASE, release);
    }

    private static void requireKnownPlaceholders(String text) {
        if (text == null) {
            return;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!List.of(SERVICE, RELEASE).contains(matcher.group())) {
                throw new ValidationException("router", "'" + matcher.group() + "' is no placeholder: a name may hold " + SERVICE
                        + " (the service's name) and " + RELEASE + " (its release's name)");
            }
        }
    }
}
