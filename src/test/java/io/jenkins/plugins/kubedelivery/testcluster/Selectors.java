package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Label selectors ({@code =, ==, !=, in, notin, key, !key}) and field selectors on dotted paths. */
final class Selectors {
    private static final Pattern SET_BASED = Pattern.compile("\\s*([^\\s!=]+)\\s+(in|notin)\\s+\\((.*)\\)\\s*");

    private Selectors() {}

    static Predicate<JsonNode> of(String labelSelector, String fieldSelector) {
        return labels(labelSelector).and(fields(fieldSelector));
    }

    static Predicate<JsonNode> labels(String selector) {
        Predicate<JsonNode> all = object -> true;
        for (String requirement : splitOutsideParentheses(selector)) {
            all = all.and(labelRequirement(requirement.trim()));
        }
        return all;
    }

    private static Predicate<JsonNode> labelRequirement(String requirement) {
        Matcher setBased = SET_BASED.matcher(requirement);
        if (setBased.matches()) {
            String key = setBased.group(1);
            Set<String> values = Set.of(setBased.group(3).replace(" ", "").split(","));
            boolean in = setBased.group(2).equals("in");
            return object -> {
                String value = label(object, key);
                return in ? value != null && values.contains(value) : value == null || !values.contains(value);
            };
        }
        if (requirement.contains("!=")) {
            String[] parts = requirement.split("!=", 2);
            return object -> !parts[1].trim().equals(label(object, parts[0].trim()));
        }
        if (requirement.contains("=")) {
            String[] parts = requirement.replace("==", "=").split("=", 2);
            return object -> parts[1].trim().equals(label(object, parts[0].trim()));
        }
        if (requirement.startsWith("!")) {
            return object -> label(object, requirement.substring(1).trim()) == null;
        }
        return object -> label(object, requirement) != null;
    }

    static Predicate<JsonNode> fields(String selector) {
        Predicate<JsonNode> all = object -> true;
        for (String requirement : splitOutsideParentheses(selector)) {
            boolean negated = requirement.contains("!=");
            String[] parts = requirement.replace("!=", "=").replace("==", "=").split("=", 2);
            if (parts.length == 2) {
                String path = parts[0].trim();
                String expected = parts[1].trim();
                all = all.and(object -> expected.equals(Json.text(object, path)) != negated);
            }
        }
        return all;
    }

    private static String label(JsonNode object, String key) {
        JsonNode value = object.path("metadata").path("labels").get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> splitOutsideParentheses(String selector) {
        List<String> parts = new ArrayList<>();
        if (selector == null || selector.isBlank()) {
            return parts;
        }
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : selector.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        parts.removeIf(String::isBlank);
        return parts;
    }
}
