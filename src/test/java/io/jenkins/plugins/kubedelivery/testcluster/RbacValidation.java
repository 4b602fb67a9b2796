package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The validation the real API server applies to RBAC objects (pkg/apis/rbac/validation), so that
 * charts with a broken binding fail here as they would on a cluster: a binding's roleRef is
 * required and immutable, subjects need a name and a known kind, rules need verbs, groups and
 * resources. Nothing is enforced: every request is still allowed.
 */
final class RbacValidation {
    static final String GROUP = "rbac.authorization.k8s.io";
    private static final List<String> ROLE_KINDS = List.of("Role", "ClusterRole");

    private RbacValidation() {}

    /** Throws 422 Invalid when the object breaks a rule; {@code live} is the stored object on update. */
    static void validate(ResourceType type, ObjectNode object, ObjectNode live) {
        if (!type.group().equals(GROUP)) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        switch (type.kind()) {
            case "Role" -> rules(object, true, errors);
            case "ClusterRole" -> rules(object, false, errors);
            case "RoleBinding" -> binding(object, live, ROLE_KINDS, true, errors);
            case "ClusterRoleBinding" -> binding(object, live, List.of("ClusterRole"), false, errors);
            default -> { }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(type, Json.text(object, "metadata.name"), errors);
        }
    }

    private static void rules(ObjectNode role, boolean namespaced, List<FieldError> errors) {
        JsonNode rules = role.path("rules");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            String path = "rules[" + i + "]";
            if (rule.path("verbs").isEmpty()) {
                errors.add(FieldError.required(path + ".verbs", "verbs must contain at least one value"));
            }
            JsonNode urls = rule.path("nonResourceURLs");
            if (!urls.isEmpty()) {
                String value = goStrings(urls);
                if (namespaced) {
                    errors.add(FieldError.invalid(path + ".nonResourceURLs", value,
                            "namespaced rules cannot apply to non-resource URLs"));
                }
                if (!rule.path("apiGroups").isEmpty() || !rule.path("resources").isEmpty()
                        || !rule.path("resourceNames").isEmpty()) {
                    errors.add(FieldError.invalid(path + ".nonResourceURLs", value,
                            "rules cannot apply to both regular resources and non-resource URLs"));
                }
                continue;
            }
            if (rule.path("apiGroups").isEmpty()) {
                errors.add(FieldError.required(path + ".apiGroups", "resource rules must supply at least one api group"));
            }
            if (rule.path("resources").isEmpty()) {
                errors.add(FieldError.required(path + ".resources", "resource rules must supply at least one resource"));
            }
        }
    }

    private static void binding(ObjectNode binding, ObjectNode live, List<String> roleKinds, boolean namespaced,
            List<FieldError> errors) {
        JsonNode roleRef = binding.path("roleRef");
        String apiGroup = roleRef.path("apiGroup").asText("");
        if (!apiGroup.equals(GROUP)) {
            errors.add(FieldError.notSupported("roleRef.apiGroup", apiGroup, List.of(GROUP)));
        }
        String kind = roleRef.path("kind").asText("");
        if (!roleKinds.contains(kind)) {
            errors.add(FieldError.notSupported("roleRef.kind", kind, roleKinds));
        }
        if (roleRef.path("name").asText("").isEmpty()) {
            errors.add(FieldError.required("roleRef.name", ""));
        }
        JsonNode subjects = binding.path("subjects");
        for (int i = 0; i < subjects.size(); i++) {
            subject(subjects.get(i), "subjects[" + i + "]", namespaced, errors);
        }
        if (live != null && !roleRef.equals(live.path("roleRef"))) {
            errors.add(FieldError.invalid("roleRef", goRoleRef(roleRef), "cannot change roleRef"));
        }
    }

    private static void subject(JsonNode subject, String path, boolean namespacedBinding, List<FieldError> errors) {
        if (subject.path("name").asText("").isEmpty()) {
            errors.add(FieldError.required(path + ".name", ""));
        }
        String kind = subject.path("kind").asText("");
        String apiGroup = subject.path("apiGroup").asText("");
        switch (kind) {
            case "ServiceAccount" -> {
                if (!apiGroup.isEmpty()) {
                    errors.add(FieldError.notSupported(path + ".apiGroup", apiGroup, List.of("")));
                }
                if (!namespacedBinding && subject.path("namespace").asText("").isEmpty()) {
                    errors.add(FieldError.required(path + ".namespace", ""));
                }
            }
            case "User", "Group" -> {
                if (!apiGroup.equals(GROUP)) {
                    errors.add(FieldError.notSupported(path + ".apiGroup", apiGroup, List.of(GROUP)));
                }
            }
            default -> errors.add(FieldError.notSupported(path + ".kind", kind, List.of("ServiceAccount", "User", "Group")));
        }
    }

    /** A roleRef as Go's %#v prints the internal struct in the real message. */
    private static String goRoleRef(JsonNode roleRef) {
        return "rbac.RoleRef{APIGroup:" + FieldError.quote(roleRef.path("apiGroup").asText("")) + ", Kind:"
                + FieldError.quote(roleRef.path("kind").asText("")) + ", Name:"
                + FieldError.quote(roleRef.path("name").asText("")) + "}";
    }

    /** A string list as Go's %#v prints a []string. */
    private static String goStrings(JsonNode values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add(FieldError.quote(v.asText())));
        return "[]string{" + String.join(", ", quoted) + "}";
    }
}
