package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;

/** A failed API call, answered with a {@code Status} body whose reason client-go recognises. */
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

    /**
     * 422 Invalid with one cause per field error, worded as apimachinery's NewInvalid words it
     * ({@code HTTPRoute.gateway.networking.k8s.io "web" is invalid: spec.x: Required value}); kubectl
     * prints the causes from the details.
     */
    static ApiException invalid(ResourceType type, String name, List<StructuralSchema.FieldError> errors) {
        String qualifiedKind = type.group().isEmpty() ? type.kind() : type.kind() + "." + type.group();
        String joined = errors.stream().map(Object::toString).collect(Collectors.joining(", "));
        ObjectNode details = Json.object().put("name", name).put("group", type.group()).put("kind", type.kind());
        errors.forEach(e -> details.withArray("causes").addObject()
                .put("reason", e.type()).put("message", e.message()).put("field", e.field()));
        return new ApiException(422, "Invalid", qualifiedKind + " \"" + name + "\" is invalid: "
                + (errors.size() == 1 ? joined : "[" + joined + "]"), details);
    }

    public static ApiException notFound(ResourceType type, String name) {
        return new ApiException(404, "NotFound", resourceName(type) + " \"" + name + "\" not found");
    }

    public static ApiException alreadyExists(ResourceType type, String name) {
        return new ApiException(409, "AlreadyExists", resourceName(type) + " \"" + name + "\" already exists");
    }

    public static ApiException conflict(ResourceType type, String name) {
        return new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + resourceName(type) + " \"" + name
                + "\": the object has been modified; please apply your changes to the latest version and try again");
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BadRequest", message);
    }

    private static String resourceName(ResourceType type) {
        return type.group().isEmpty() ? type.plural() : type.plural() + "." + type.group();
    }

    public int code() {
        return code;
    }

    public ObjectNode status() {
        ObjectNode status = statusBody(code, reason, getMessage());
        if (details != null) {
            status.set("details", details);
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
