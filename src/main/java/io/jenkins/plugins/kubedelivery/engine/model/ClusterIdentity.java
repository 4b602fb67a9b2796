package io.jenkins.plugins.kubedelivery.engine.model;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The cluster itself, as a name that does not depend on how it is reached: the URL of its API
 * server, normalised. One cluster reached through two credentials ids, or through a kubeconfig's
 * current context and the same context named explicitly, is one cluster, so two deploys of one
 * release there must wait for each other. Never holds anything secret, and never echoes the
 * kubeconfig (which may hold tokens) in a message.
 */
public final class ClusterIdentity {
    /** The pod's own cluster, reached through its ServiceAccount. */
    public static final String IN_CLUSTER = "in-cluster";
    private static final String CREDENTIALS = "kubeconfigCredentialsId";
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("https", 443, "http", 80);

    private ClusterIdentity() {}

    /**
     * Resolves the kubeconfig the way kubectl and helm do: the given context (else
     * {@code current-context}), its cluster, that cluster's {@code server}.
     *
     * @param kubeContext the context asked for, or {@code null} for the kubeconfig's current context
     * @throws ValidationException naming the parameter when the kubeconfig does not resolve to a server
     */
    public static String ofKubeconfig(String kubeconfig, String kubeContext) {
        Map<?, ?> config = parse(kubeconfig);
        String contextName = kubeContext != null ? kubeContext : text(config.get("current-context"));
        if (contextName == null) {
            throw new ValidationException("kubeContext", "is needed: the kubeconfig names no current-context; set kubeContext"
                    + " to one of its contexts (" + names(config.get("contexts")) + ")");
        }
        Map<?, ?> context = named(config.get("contexts"), contextName, "context").orElseThrow(() -> new ValidationException(
                kubeContext != null ? "kubeContext" : CREDENTIALS, "the kubeconfig has no context '" + contextName
                        + "'; its contexts are " + names(config.get("contexts"))));
        String clusterName = text(context.get("cluster"));
        Map<?, ?> cluster = named(config.get("clusters"), clusterName, "cluster").orElseThrow(() -> new ValidationException(
                CREDENTIALS, "the kubeconfig's context '" + contextName + "' names the cluster '" + clusterName
                        + "', which it does not define; its clusters are " + names(config.get("clusters"))));
        String server = text(cluster.get("server"));
        if (server == null || server.isBlank()) {
            throw new ValidationException(CREDENTIALS, "the kubeconfig's cluster '" + clusterName + "' has no server URL");
        }
        return ofServer(CREDENTIALS, server);
    }

    /**
     * Normalises an API server URL: scheme and host in lower case, the default port written out, no
     * trailing slash (a path stays: proxies such as Rancher serve several clusters under one host).
     * A URL without a scheme is https, as the Kubernetes clients read it. The URL is never echoed
     * in an error: a kubeconfig's may carry user information.
     *
     * @param parameter the parameter the URL came from, for the error
     */
    public static String ofServer(String parameter, String server) {
        String url = server.trim().contains("://") ? server.trim() : "https://" + server.trim();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ValidationException(parameter, "the server is not a URL, e.g. https://k8s.example.com:6443");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        Integer defaultPort = DEFAULT_PORTS.get(scheme);
        if (defaultPort == null || uri.getHost() == null) {
            throw new ValidationException(parameter, "the server is not an http(s) URL with a host, e.g. https://k8s.example.com:6443");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port + path;
    }

    private static Map<?, ?> parse(String kubeconfig) {
        Object document;
        try {
            document = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadFromString(kubeconfig);
        } catch (MarkedYamlEngineException e) {
            // the parser's own message quotes the document, which may hold a token
            throw new ValidationException(CREDENTIALS, "the kubeconfig is not valid YAML (line "
                    + e.getProblemMark().map(m -> m.getLine() + 1).map(String::valueOf).orElse("unknown") + ")");
        } catch (YamlEngineException e) {
            throw new ValidationException(CREDENTIALS, "the kubeconfig is not valid YAML");
        }
        if (!(document instanceof Map<?, ?> config)) {
            throw new ValidationException(CREDENTIALS, "the credential does not hold a kubeconfig (a YAML map with"
                    + " clusters, contexts and users)");
        }
        return config;
    }

    /** The {@code context} or {@code cluster} map of the list entry called {@code name}. */
    private static Optional<Map<?, ?>> named(Object list, String name, String field) {
        if (!(list instanceof List<?> entries) || name == null) {
            return Optional.empty();
        }
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> map && name.equals(text(map.get("name"))) && map.get(field) instanceof Map<?, ?> value) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static String names(Object list) {
        if (!(list instanceof List<?> entries) || entries.isEmpty()) {
            return "it has none";
        }
        return entries.stream().map(e -> e instanceof Map<?, ?> m ? "'" + text(m.get("name")) + "'" : "?").toList().toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
