package io.jenkins.plugins.kubedelivery.engine.cli;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import io.jenkins.plugins.kubedelivery.engine.EngineException;

/**
 * Finds the JSON document in a tool's output. Inside {@code container()} stderr is merged into
 * stdout, so warnings (deprecations, kubeconfig permission notices) may stand before or after the
 * document; the document itself starts a line with '{' or '[' and ends a line with '}' or ']'.
 */
public final class JsonOutput {
    private JsonOutput() {}

    /**
     * @param what what the output is, for the error ("helm history")
     * @throws EngineException when no JSON document can be found
     */
    public static JsonValue parse(String output, String what) {
        String[] lines = output.split("\n", -1);
        for (int start = 0; start < lines.length; start++) {
            String first = lines[start].stripLeading();
            if (!first.startsWith("{") && !first.startsWith("[")) {
                continue;
            }
            for (int end = lines.length - 1; end >= start; end--) {
                String last = lines[end].stripTrailing();
                if (!last.endsWith("}") && !last.endsWith("]")) {
                    continue;
                }
                JsonValue value = tryParse(lines, start, end);
                if (value != null) {
                    return value;
                }
            }
        }
        throw new EngineException(what + " printed no JSON document; its output began: " + Text.head(output, 300));
    }

    private static JsonValue tryParse(String[] lines, int start, int end) {
        StringBuilder sb = new StringBuilder();
        for (int i = start; i <= end; i++) {
            sb.append(lines[i]).append('\n');
        }
        try {
            return Json.parse(sb.toString());
        } catch (ParseException e) {
            return null;
        }
    }
}
