package io.jenkins.plugins.kubedelivery.testcluster;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One validation error on a field, worded as k8s.io/apimachinery's {@code field.Error} prints it:
 * {@code roleRef.name: Required value}, {@code roleRef.kind: Unsupported value: "X": supported values: "Role"}.
 */
record FieldError(String reason, String field, String body) {

    static FieldError required(String field, String detail) {
        return new FieldError("FieldValueRequired", field, "Required value" + (detail.isEmpty() ? "" : ": " + detail));
    }

    static FieldError notSupported(String field, String value, List<String> supported) {
        return new FieldError("FieldValueNotSupported", field, "Unsupported value: " + quote(value)
                + ": supported values: " + supported.stream().map(FieldError::quote).collect(Collectors.joining(", ")));
    }

    /** {@code value} as Go prints the bad value: quoted for strings, else already formatted by the caller. */
    static FieldError invalid(String field, String formattedValue, String detail) {
        return new FieldError("FieldValueInvalid", field, "Invalid value: " + formattedValue + ": " + detail);
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public String toString() {
        return field + ": " + body;
    }
}
