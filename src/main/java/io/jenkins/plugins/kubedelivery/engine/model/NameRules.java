package io.jenkins.plugins.kubedelivery.engine.model;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.util.regex.Pattern;

/** The naming rules Kubernetes and Helm impose, checked before anything runs. */
public final class NameRules {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern RELEASE = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final int DNS_LABEL_MAX = 63;
    /** Helm refuses longer release names: they must fit in label values with suffixes. */
    private static final int RELEASE_MAX = 53;

    private NameRules() {}

    /** A DNS-1123 label: service, environment and namespace names. */
    public static String requireDnsLabel(String parameter, String value) {
        requirePresent(parameter, value);
        if (value.length() > DNS_LABEL_MAX || !DNS_LABEL.matcher(value).matches()) {
            throw new ValidationException(parameter, "'" + shown(value) + "' is not a valid name: use at most 63 lower-case"
                    + " letters, digits and '-', starting and ending with a letter or digit (for example 'payments')");
        }
        return value;
    }

    public static String requireReleaseName(String parameter, String value) {
        requirePresent(parameter, value);
        if (value.length() > RELEASE_MAX || !RELEASE.matcher(value).matches()) {
            throw new ValidationException(parameter, "'" + shown(value) + "' is not a valid Helm release name: use at most 53"
                    + " lower-case letters, digits, '-' and '.', starting and ending with a letter or digit");
        }
        return value;
    }

    public static String requirePresent(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(parameter, "is required");
        }
        return value;
    }

    /** Shows a refused value safely: control characters escaped, long values cut. */
    public static String shown(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.length() <= 80 ? sb.toString() : sb.substring(0, 77) + "...";
    }
}
