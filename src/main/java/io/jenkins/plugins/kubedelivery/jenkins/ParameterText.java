package io.jenkins.plugins.kubedelivery.jenkins;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;

/**
 * Text parameters as steps receive them: the Snippet Generator sends an empty string for an empty
 * field, so blank means "not given" everywhere, and values are trimmed.
 */
public final class ParameterText {
    private ParameterText() {}

    /** @return the trimmed value, or {@code null} when blank */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** @throws ValidationException naming the parameter, with an example, when blank */
    public static String required(String parameter, String value, String example) {
        String set = optional(value);
        if (set == null) {
            throw new ValidationException(parameter, "is required: " + example);
        }
        return set;
    }

    public static String orDefault(String value, String defaultValue) {
        String set = optional(value);
        return set == null ? defaultValue : set;
    }
}
