package io.jenkins.plugins.kubedelivery.engine.analysis;

/**
 * What a provider is asked for one measurement. Queries are user data: a provider sends them in a
 * request body or a file, never in a command's arguments.
 *
 * @param query the query whose single value is measured
 * @param requestCountQuery a query for the number of requests the value covers, or {@code null}
 *     when the check has none (then minRequests does not apply)
 */
public record MetricQuery(String query, String requestCountQuery) implements java.io.Serializable {}
