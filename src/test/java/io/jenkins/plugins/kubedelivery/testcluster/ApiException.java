package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A failed API call, answered with a {@code Status} body whose reason client-go recognises. The
 * messages and {@code details} are worded as k8s.io/apimachinery's {@code errors.New*} word them.
 */
public final class ApiException extends RuntimeException {
    private final int code;
    private final String reason;
    private final ObjectNode details;

    public ApiException(int code, String reason, String message) {
        this(code, reason, message, null);
    }

    private ApiException(int code, String reason, String message, ObjectNode details) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.details = details;
    }

    public static ApiException notFound(ResourceType type, String name) {
        return new ApiException(404, "NotFound", resourceName(type) + " \"" + name + "\" not found", details(type, name));
    }

    public static ApiException alreadyExists(ResourceType type, String name) {
        return new ApiException(409, "AlreadyExists", resourceName(type) + " \"" + name + "\" already exists",
                details(type, name));
    }

    /** A write from a stale resourceVersion. */
    public static ApiException conflict(ResourceType type, String name) {
        return conflict(type, name,
                "the object has been modified; please apply your changes to the latest version and try again");
    }

    /** {@code errors.NewConflict}: the operation cannot be done on the object for {@code cause}. */
    public static ApiException conflict(ResourceType type, String name, String cause) {
        return new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + resourceName(type) + " \"" + name
                + "\": " + cause, details(type, name));
    }

    /** {@code errors.NewForbidden}, with the causes an admission plugin adds (may be null). */
    public static ApiException forbidden(ResourceType type, String name, String cause, ObjectNode statusCause) {
        ObjectNode details = details(type, name);
        if (statusCause != null) {
            details.putArray("causes").add(statusCause);
        }
        return new ApiException(403, "Forbidden", resourceName(type) + " \"" + name + "\" is forbidden: " + cause,
                details);
    }

    /**
     * {@code errors.NewInvalid}: 422 with one cause per field error, the message listing them
     * (bracketed when more than one), e.g. {@code RoleBinding.rbac.authorization.k8s.io "x" is invalid: ...}.
     */
    public static ApiException invalid(ResourceType type, String name, List<FieldError> errors) {
        ObjectNode details = Json.object();
        details.put("name", name);
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        details.put("kind", type.kind());
        ArrayNode causes = details.putArray("causes");
        errors.forEach(error -> causes.addObject().put("reason", error.reason()).put("message", error.body())
                .put("field", error.field()));
        List<String> messages = errors.stream().map(FieldError::toString).toList();
        String aggregate = messages.size() == 1 ? messages.get(0) : "[" + String.join(", ", messages) + "]";
        String qualifiedKind = type.group().isEmpty() ? type.kind() : type.kind() + "." + type.group();
        return new ApiException(422, "Invalid", qualifiedKind + " \"" + name + "\" is invalid: " + aggregate, details);
    }

    /**
     * A JSON patch that does not apply to the live object (a {@code test} operation that fails, a path that is
     * not there): the apiserver answers it with {@code errors.NewGenericServerResponse(422, ...)}, whose Status
     * carries only the generic Invalid message and empty details (the patch library's own words are dropped).
     */
    public static ApiException patchNotApplicable() {
        return new ApiException(422, "Invalid", "the server rejected our request due to an error in our request", Json.object());
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BadRequest", message);
    }

    /** How the API server names a resource in messages: {@code deployments.apps}, {@code secrets}. */
    static String resourceName(ResourceType type) {
        return type.group().isEmpty() ? type.plural() : type.plural() + "." + type.group();
    }

    private static ObjectNode details(ResourceType type, String name) {
        ObjectNode details = Json.object();
        details.put("name", name);
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        details.put("kind", type.plural());
        return details;
    }

    public int code() {
        return code;
    }

    public ObjectNode status() {
        ObjectNode status = statusBody(code, reason, getMessage());
        if (details != null) {
            status.set("details", details.deepCopy());
        }
        return status;
    }

    public static ObjectNode statusBody(int code, String reason, String message) {
        ObjectNode status = Json.object();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", code < 400 ? "Success" : "Failure");
        status.put("message", message);
        status.put("reason", reason);
        status.put("code", code);
        return status;
    }
}
