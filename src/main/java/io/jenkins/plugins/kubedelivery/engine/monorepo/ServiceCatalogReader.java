package io.jenkins.plugins.kubedelivery.engine.monorepo;

import io.jenkins.plugins.kubedelivery.engine.canary.CheckSpec;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterTemplate;
import io.jenkins.plugins.kubedelivery.engine.deploy.WorkspacePaths;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretPath;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretPaths;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the repository's {@link DeliveryCatalog}: the conventions (every {@code helm/<name>} chart is
 * a service {@code <name>}), then {@code delivery.yaml} where the repository has one, which overrides
 * them and may add services, environments, preview settings and canary defaults. Every error names
 * the file, line, column and key.
 */
public final class ServiceCatalogReader {
    public static final String FILE = "delivery.yaml";

    private static final Set<String> TOP_KEYS = Set.of("services", "environments", "preview", "canary");
    private static final Set<String> SERVICE_KEYS = Set.of("directory", "chart", "release", "paths", "dependsOn", "vaultSecrets");
    private static final Set<String> VAULT_SECRET_KEYS = Set.of("path", "engineVersion", "values");
    private static final Set<String> ENVIRONMENT_KEYS =
            Set.of("namespace", "kubeconfigCredentialsId", "kubeContext", "valuesSuffix", "canary");
    private static final Set<String> PREVIEW_KEYS = Set.of("namePattern", "hostPattern", "ttl", "quota");
    private static final Set<String> CANARY_KEYS =
            Set.of("steps", "pause", "interval", "failureLimit", "inconclusiveLimit", "minRequests", "prometheusUrl", "router", "analysis");
    /** The routers by their keys, as the step's router parameter names them. */
    private static final Map<String, RouterTemplate.Kind> ROUTERS = routers();
    private static final Set<String> CHECKS = Set.of("errorRate", "latency", "prometheus");
    private static final Set<String> ERROR_RATE_KEYS = Set.of("max");
    private static final Set<String> LATENCY_KEYS = Set.of("maxMillis", "percentile");
    private static final Set<String> PROMETHEUS_KEYS = Set.of("name", "query", "min", "max");
    /** helm's {@code repo/chart} form, as deployService accepts it. */
    private static final Pattern REPOSITORY_CHART = Pattern.compile("[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*");

    /** What the reader needs to know of the repository's files. */
    public interface RepositoryProbe {
        /** Whether the directory holds a chart (a {@code Chart.yaml}). */
        boolean isChart(String directory);

        boolean isDirectory(String path);
    }

    private ServiceCatalogReader() {}

    /**
     * @param text {@code delivery.yaml}'s content, or {@code null} when the repository has none
     * @param conventional the names of the charts found under {@code helm/}, in order
     */
    public static DeliveryCatalog read(String text, List<String> conventional, RepositoryProbe charts) {
        Map<String, ServiceDefinition> services = new LinkedHashMap<>();
        conventional.forEach(name -> services.put(name, ServiceDefinition.byConvention(name)));
        if (text == null) {
            return new DeliveryCatalog(services, Map.of(), PreviewDefaults.NONE, CanaryDefaults.NONE);
        }
        Map<String, YamlNode> top = YamlNode.parse(FILE, text).mapping(TOP_KEYS);
        YamlNode servicesNode = top.getOrDefault("services", null);
        Map<String, YamlNode> listed = servicesNode == null ? Map.of() : servicesNode.mapping();
        for (Map.Entry<String, YamlNode> entry : listed.entrySet()) {
            services.put(entry.getKey(), service(entry.getKey(), entry.getValue(), charts));
        }
        checkDependencies(services, listed);
        Map<String, EnvironmentDefinition> environments = new LinkedHashMap<>();
        YamlNode environmentsNode = top.get("environments");
        if (environmentsNode != null) {
            environmentsNode.mapping().forEach((name, node) -> environments.put(name, environment(name, node)));
        }
        return new DeliveryCatalog(services, environments, preview(top.get("preview")), canary(top.get("canary")));
    }

    private static ServiceDefinition service(String name, YamlNode node, RepositoryProbe charts) {
        node.checkedKey(() -> NameRules.requireDnsLabel(node.path(), name));
        Map<String, YamlNode> fields = node.mapping(SERVICE_KEYS);
        ServiceDefinition convention = ServiceDefinition.byConvention(name);
        YamlNode directory = fields.get("directory");
        String dir = directory == null ? convention.directory() : repositoryPath(directory);
        YamlNode chartNode = fields.get("chart");
        String chart = chartNode == null ? convention.chart() : chartNode.string();
        boolean local = charts.isChart(chart);
        if (!local && !isRemoteChart(chart, charts)) {
            String problem = "'" + NameRules.shown(chart) + "' is no chart directory in the"
                    + " repository (no Chart.yaml there) nor 'repo/chart' or 'oci://...': create it, or set chart";
            throw chartNode != null ? chartNode.error(problem) : node.entryError("chart " + problem);
        }
        if (local && chartNode != null) {
            repositoryPath(chartNode);
        }
        YamlNode releaseNode = fields.get("release");
        String release = releaseNode == null ? name : releaseNode.checked(() -> NameRules.requireReleaseName(releaseNode.path(),
                releaseNode.string()));
        List<String> paths = new ArrayList<>();
        YamlNode pathsNode = fields.get("paths");
        if (pathsNode != null) {
            for (YamlNode path : pathsNode.sequence()) {
                String normalized = repositoryPath(path);
                paths.add(path.string().endsWith("/") ? normalized + "/" : normalized);
            }
        }
        YamlNode dependsNode = fields.get("dependsOn");
        List<String> dependsOn = dependsNode == null ? List.of() : dependsNode.strings();
        return new ServiceDefinition(name, dir, chart, local, release, paths, dependsOn, vaultSecrets(fields.get("vaultSecrets")));
    }

    /**
     * {@code vaultSecrets}: per environment, a list of {@code {path, engineVersion, values: {vaultKey: valuesKey}}},
     * checked by the rules the steps' {@code vaultSecrets} follow, each refusal placed in the file.
     */
    private static Map<String, List<SecretPath>> vaultSecrets(YamlNode node) {
        Map<String, List<SecretPath>> byEnvironment = new LinkedHashMap<>();
        if (node == null) {
            return byEnvironment;
        }
        node.mapping().forEach((environment, entries) -> {
            entries.checkedKey(() -> NameRules.requireDnsLabel(entries.path(), environment));
            List<SecretPath> paths = new ArrayList<>();
            for (YamlNode entry : entries.sequence()) {
                Map<String, YamlNode> fields = entry.mapping(VAULT_SECRET_KEYS);
                YamlNode values = fields.get("values");
                paths.add(new SecretPath(text(fields, "path"), number(fields, "engineVersion"),
                        values == null ? Map.of() : values.textMap()));
            }
            entries.checked(() -> new SecretPaths(SecretStore.CONFIGURED, paths));
            byEnvironment.put(environment, List.copyOf(paths));
        });
        return byEnvironment;
    }

    /** Every dependency names a known service other than itself, and no chain of them comes back. */
    private static void checkDependencies(Map<String, ServiceDefinition> services, Map<String, YamlNode> listed) {
        for (Map.Entry<String, YamlNode> entry : listed.entrySet()) {
            YamlNode dependsNode = entry.getValue().mapping().get("dependsOn");
            if (dependsNode == null) {
                continue;
            }
            for (YamlNode dependency : dependsNode.sequence()) {
                String name = dependency.string();
                if (name.equals(entry.getKey())) {
                    throw dependency.error("a service cannot depend on itself");
                }
                if (!services.containsKey(name)) {
                    throw dependency.error("unknown service '" + name + "'" + DidYouMean.suggest(name, services.keySet()));
                }
            }
            List<String> cycle = cycleFrom(entry.getKey(), services);
            if (!cycle.isEmpty()) {
                throw dependsNode.error("dependencies go round in a circle: " + String.join(" -> ", cycle)
                        + "; a service cannot be delivered after itself");
            }
        }
    }

    /** A dependency path that returns to {@code start}, or an empty list. Depth-first over dependsOn. */
    private static List<String> cycleFrom(String start, Map<String, ServiceDefinition> services) {
        Deque<List<String>> paths = new ArrayDeque<>();
        paths.push(List.of(start));
        Set<String> seen = new LinkedHashSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.pop();
            for (String next : services.get(path.get(path.size() - 1)).dependsOn()) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                if (next.equals(start)) {
                    return longer;
                }
                if (seen.add(next)) {
                    paths.push(longer);
                }
            }
        }
        return List.of();
    }

    private static EnvironmentDefinition environment(String name, YamlNode node) {
        node.checkedKey(() -> NameRules.requireDnsLabel(node.path(), name));
        Map<String, YamlNode> fields = node.mapping(ENVIRONMENT_KEYS);
        EnvironmentDefinition convention = EnvironmentDefinition.byConvention(name);
        YamlNode namespace = fields.get("namespace");
        String ns = namespace == null ? convention.namespace()
                : namespace.checked(() -> NameRules.requireDnsLabel(namespace.path(), namespace.string()));
        YamlNode suffix = fields.get("valuesSuffix");
        String valuesSuffix = suffix == null ? convention.valuesSuffix()
                : suffix.checked(() -> NameRules.requireDnsLabel(suffix.path(), suffix.string()));
        return new EnvironmentDefinition(name, ns, text(fields, "kubeconfigCredentialsId"), text(fields, "kubeContext"),
                valuesSuffix, fields.containsKey("canary") && fields.get("canary").bool(false));
    }

    private static PreviewDefaults preview(YamlNode node) {
        if (node == null) {
            return PreviewDefaults.NONE;
        }
        Map<String, YamlNode> fields = node.mapping(PREVIEW_KEYS);
        YamlNode quota = fields.get("quota");
        return new PreviewDefaults(text(fields, "namePattern"), text(fields, "hostPattern"), text(fields, "ttl"),
                quota == null ? Map.of() : quota.textMap());
    }

    private static CanaryDefaults canary(YamlNode node) {
        if (node == null) {
            return CanaryDefaults.NONE;
        }
        Map<String, YamlNode> fields = node.mapping(CANARY_KEYS);
        YamlNode steps = fields.get("steps");
        List<Integer> weights = steps == null ? List.of() : steps.sequence().stream().map(s -> s.integer(0)).toList();
        YamlNode analysis = fields.get("analysis");
        return new CanaryDefaults(weights, text(fields, "pause"), text(fields, "interval"), number(fields, "failureLimit"),
                number(fields, "inconclusiveLimit"), number(fields, "minRequests"), text(fields, "prometheusUrl"),
                router(fields.get("router")), analysis == null ? List.of() : analysis.sequence().stream().map(ServiceCatalogReader::check)
                        .toList());
    }

    /**
     * {@code canary.router}: one of {@code nginx: {ingress}}, {@code gatewayApi: {route, rule}},
     * {@code istio: {virtualService, route}}, {@code replicas: {}}, as the step's router parameter has them;
     * checked with a sample service's names filled in, so a bad name is refused here rather than in a later build.
     */
    private static RouterTemplate router(YamlNode node) {
        if (node == null || node.isAbsent()) {
            return null;
        }
        Map.Entry<String, YamlNode> chosen = onlyEntry(node, ROUTERS.keySet(), "nginx: {ingress: '{release}'}");
        RouterTemplate.Kind kind = ROUTERS.get(chosen.getKey());
        YamlNode body = chosen.getValue();
        Set<String> keys = new LinkedHashSet<>();
        if (kind.objectKey() != null) {
            keys.add(kind.objectKey());
        }
        if (kind.sectionKey() != null) {
            keys.add(kind.sectionKey());
        }
        Map<String, YamlNode> fields = body.mapping(keys);
        RouterTemplate template = body.checkedHere(() -> new RouterTemplate(kind, kind.objectKey() == null ? null
                : text(fields, kind.objectKey()), kind.sectionKey() == null ? null : text(fields, kind.sectionKey())));
        body.checkedHere(() -> template.resolve("service", "service"));
        return template;
    }

    /** One entry of {@code canary.analysis}: {@code errorRate: {max}}, {@code latency: {maxMillis, percentile}} or {@code prometheus: {name, query, min, max}}. */
    private static CheckSpec check(YamlNode item) {
        Map.Entry<String, YamlNode> chosen = onlyEntry(item, CHECKS, "errorRate: {max: 0.01}");
        YamlNode body = chosen.getValue();
        return switch (chosen.getKey()) {
            case "errorRate" -> {
                Map<String, YamlNode> fields = body.mapping(ERROR_RATE_KEYS);
                double max = requiredField(body, fields, "max", "errorRate: {max: 0.01}").decimal();
                yield body.checkedHere(() -> new CheckSpec.ErrorRate(max));
            }
            case "latency" -> {
                Map<String, YamlNode> fields = body.mapping(LATENCY_KEYS);
                double maxMillis = requiredField(body, fields, "maxMillis", "latency: {maxMillis: 500}").decimal();
                YamlNode percentile = fields.get("percentile");
                int at = percentile == null ? CheckSpec.Latency.DEFAULT_PERCENTILE : percentile.integer(CheckSpec.Latency.DEFAULT_PERCENTILE);
                yield body.checkedHere(() -> new CheckSpec.Latency(maxMillis, at));
            }
            default -> {
                Map<String, YamlNode> fields = body.mapping(PROMETHEUS_KEYS);
                String example = "prometheus: {name: orders-failing, query: 'sum(...)', max: 5}";
                String name = requiredField(body, fields, "name", example).string();
                String query = requiredField(body, fields, "query", example).string();
                Double min = fields.get("min") == null ? null : fields.get("min").decimal();
                Double max = fields.get("max") == null ? null : fields.get("max").decimal();
                yield body.checkedHere(() -> new CheckSpec.Query(name, query, min, max));
            }
        };
    }

    /** A mapping of exactly one key, one of {@code kinds}: which router, which check. */
    private static Map.Entry<String, YamlNode> onlyEntry(YamlNode node, Set<String> kinds, String example) {
        Map<String, YamlNode> entries = node.mapping(kinds);
        if (entries.size() != 1) {
            throw node.error("must name exactly one of " + new java.util.TreeSet<>(kinds) + ", not " + entries.size()
                    + ", e.g. " + example);
        }
        return entries.entrySet().iterator().next();
    }

    private static YamlNode requiredField(YamlNode body, Map<String, YamlNode> fields, String key, String example) {
        YamlNode field = fields.get(key);
        if (field == null || field.isAbsent()) {
            throw body.entryError("needs " + key + ", e.g. " + example);
        }
        return field;
    }

    private static Map<String, RouterTemplate.Kind> routers() {
        Map<String, RouterTemplate.Kind> byKey = new LinkedHashMap<>();
        for (RouterTemplate.Kind kind : RouterTemplate.Kind.values()) {
            byKey.put(kind.key(), kind);
        }
        return java.util.Collections.unmodifiableMap(byKey);
    }

    private static String text(Map<String, YamlNode> fields, String key) {
        YamlNode node = fields.get(key);
        return node == null ? null : node.string(null);
    }

    private static Integer number(Map<String, YamlNode> fields, String key) {
        YamlNode node = fields.get(key);
        return node == null || node.isAbsent() ? null : node.integer(0);
    }

    /** A path inside the repository, normalised by the rule every workspace path follows. */
    private static String repositoryPath(YamlNode node) {
        String path = node.string();
        return node.checked(() -> WorkspacePaths.normalize(node.path(), path));
    }

    /**
     * {@code oci://...}, or {@code repo/chart} where {@code repo} is no directory of the repository:
     * {@code helm/payments} with a {@code helm/} directory is a local chart that is missing, never a
     * chart of a helm repository called {@code helm}.
     */
    private static boolean isRemoteChart(String chart, RepositoryProbe repository) {
        return chart.startsWith("oci://") || REPOSITORY_CHART.matcher(chart).matches()
                && !repository.isDirectory(chart.substring(0, chart.indexOf('/')));
    }
}
