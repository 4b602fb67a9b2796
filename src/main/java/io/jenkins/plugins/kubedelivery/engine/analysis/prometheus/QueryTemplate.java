package io.jenkins.plugins.kubedelivery.engine.analysis.prometheus;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{namespace}}}, {@code {{service}}}, {@code {{canary}}}, {@code {{interval}}} (spaces
 * inside the braces allowed, as in Flagger's templates) into a PromQL query. An unknown placeholder
 * is an error naming the known ones, never left in the query for Prometheus to puzzle over.
 */
public final class QueryTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

    private QueryTemplate() {}

    /**
     * @param parameter the parameter the template came from, named in errors
     * @param variables placeholder name to value; values are names and durations the plugin checked
     */
    public static String render(String parameter, String template, Map<String, String> variables) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                throw new ValidationException(parameter, "unknown placeholder {{" + m.group(1) + "}}; the known ones are "
                        + new TreeSet<>(variables.keySet()).stream().map(n -> "{{" + n + "}}").toList());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Both queries of a measurement, filled alike. */
    public static MetricQuery render(String parameter, MetricQuery template, Map<String, String> variables) {
        return new MetricQuery(render(parameter, template.query(), variables),
                template.requestCountQuery() == null ? null : render(parameter, template.requestCountQuery(), variables));
    }

    /** A PromQL range in whole seconds ({@code 60s}): every Prometheus version reads it. */
    public static String range(java.time.Duration interval) {
        return Math.max(1, interval.toSeconds()) + "s";
    }
}
