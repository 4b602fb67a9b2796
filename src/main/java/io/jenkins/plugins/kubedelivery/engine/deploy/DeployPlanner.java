package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.WorkspaceFiles;
import io.jenkins.plugins.kubedelivery.engine.model.DurationBounds;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import io.jenkins.plugins.kubedelivery.engine.monorepo.EnvironmentDefinition;
import io.jenkins.plugins.kubedelivery.engine.monorepo.ServiceDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a deploy request completely and resolves the monorepo conventions, before any command
 * runs: a refused request has touched nothing.
 */
public final class DeployPlanner {
    /** Environments every monorepo has; others are known by their {@code values.<env>.yaml}. */
    public static final Set<String> STANDARD_ENVIRONMENTS = Set.of("preview", "stage", "prod");

    private static final Pattern REPO_CHART = Pattern.compile("[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*");
    private static final Pattern OCI_CHART = Pattern.compile("oci://[a-z0-9][a-z0-9.:-]*(/[a-z0-9][a-z0-9._-]*)+");
    private static final Pattern CHART_VERSION = Pattern.compile("v?[0-9]+(\\.[0-9]+){0,2}([-+][0-9A-Za-z.-]+)*");
    private static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern IMAGE_REPOSITORY = Pattern.compile("[a-z0-9]([a-z0-9._:/-]{0,253}[a-z0-9])?");
    private static final Pattern VALUES_KEY = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private final WorkspaceFiles workspace;

    public DeployPlanner(WorkspaceFiles workspace) {
        this.workspace = workspace;
    }

    public DeployPlan plan(DeployRequest r) throws InterruptedException {
        try {
            return resolve(r);
        } catch (IOException e) {
            throw new ValidationException("workspace", "could not read the workspace: " + e.getMessage());
        }
    }

    private DeployPlan resolve(DeployRequest r) throws IOException, InterruptedException {
        String service = NameRules.requireDnsLabel("service", r.service());
        String environment = NameRules.requireDnsLabel("environment", r.environment());
        String fallbackEnvironment = fallbackValuesEnvironment(r, environment);
        EnvironmentDefinition environmentConvention = EnvironmentDefinition.byConvention(environment);
        ServiceDefinition serviceConvention = ServiceDefinition.byConvention(service);
        String namespace = NameRules.requireDnsLabel("namespace", orDefault(r.namespace(), environmentConvention.namespace()));
        String release = NameRules.requireReleaseName("release", orDefault(r.release(), serviceConvention.release()));
        String valuesSuffix = NameRules.requireDnsLabel("valuesSuffix", orDefault(r.valuesSuffix(), environmentConvention.valuesSuffix()));
        if (r.description() != null) {
            // helm takes it only as an argument, and inside container() every argument passes through sh
            CommandLine.checkArgument("description", r.description(), "write it without $, backticks, backslashes, double"
                    + " quotes and line breaks");
        }
        String serviceChartDir = serviceConvention.chart();
        String chartLabel = orDefault(r.chart(), serviceChartDir);
        boolean local = isLocalChart(chartLabel);
        String chartVersion = requireChartVersion(r.chartVersion());
        String chartDir = local ? requireChartDirectory(chartLabel) : requireRemoteChart(chartLabel, chartVersion);
        String valuesDir = local ? chartDir : serviceChartDir;
        requireKnownEnvironment(environment, valuesSuffix, valuesDir);
        List<String> valuesFiles = valuesFiles(r, local, valuesDir, valuesSuffix, fallbackEnvironment);
        GeneratedValues generated = generatedValues(r);
        return new DeployPlan(service, environment, release, namespace,
                local ? workspace.toolPath(chartDir) : chartLabel, chartLabel, chartVersion, valuesFiles,
                generated.asMap(), List.copyOf(r.secretValues().keySet()), DurationBounds.TIMEOUT.require("timeout", r.timeout()),
                r.waitForReady(), r.atomic(),
                requireHistoryMax(r.historyMax()), r.createNamespace(), r.dryRun(), r.recoverStuckRelease());
    }

    private boolean isLocalChart(String chart) throws IOException, InterruptedException {
        if (chart.startsWith("oci://")) {
            return false;
        }
        return !REPO_CHART.matcher(chart).matches() || workspace.isDirectory(WorkspacePaths.normalize("chart", chart));
    }

    private String requireChartDirectory(String chart) throws IOException, InterruptedException {
        String path = WorkspacePaths.requireChartInside(workspace, "chart", chart);
        if (!workspace.isDirectory(path) || !workspace.isFile(path + "/Chart.yaml")) {
            throw new ValidationException("chart", "'" + NameRules.shown(chart) + "' is not a chart directory in the"
                    + " workspace (no Chart.yaml there); give a directory such as 'helm/payments', or 'repo/chart' with 'version'");
        }
        return path;
    }

    private static String requireRemoteChart(String chart, String version) {
        if (!REPO_CHART.matcher(chart).matches() && !OCI_CHART.matcher(chart).matches()) {
            throw new ValidationException("chart", "'" + NameRules.shown(chart) + "' is neither a chart directory in the"
                    + " workspace nor 'repo/chart' or 'oci://registry/path/chart'");
        }
        if (version == null || version.isBlank()) {
            throw new ValidationException("version", "is required with the repository chart '" + chart
                    + "': pin the exact chart version, for example version: '1.4.2'");
        }
        return chart;
    }

    /** Checked whatever the chart, since helm is given {@code --version} for a local chart too. */
    private static String requireChartVersion(String version) {
        if (version != null && !CHART_VERSION.matcher(version).matches()) {
            throw new ValidationException("version", "'" + NameRules.shown(version) + "' is not an exact chart version such as '1.4.2'");
        }
        return version;
    }

    /** An environment is known when it is a standard one or has its values file (with delivery.yaml's suffix, if any). */
    private void requireKnownEnvironment(String environment, String valuesSuffix, String valuesDir)
            throws IOException, InterruptedException {
        if (STANDARD_ENVIRONMENTS.contains(environment) || workspace.isFile(valuesDir + "/values." + valuesSuffix + ".yaml")) {
            return;
        }
        throw new ValidationException("environment", "'" + environment + "' is unknown: use one of "
                + String.join(", ", STANDARD_ENVIRONMENTS.stream().sorted().toList()) + ", or add "
                + valuesDir + "/values." + valuesSuffix + ".yaml");
    }

    private List<String> valuesFiles(DeployRequest r, boolean local, String valuesDir, String valuesSuffix,
            String fallbackEnvironment) throws IOException, InterruptedException {
        List<String> files = new ArrayList<>();
        // A local chart applies its own values.yaml; a repository chart gets the monorepo's explicitly.
        String repositoryChartValues = valuesDir + "/values.yaml";
        if (!local && workspace.isFile(repositoryChartValues)) {
            WorkspacePaths.requireResolvesInside(workspace, "chart", repositoryChartValues);
            files.add(workspace.toolPath(repositoryChartValues));
        }
        String environmentValues = environmentValues(valuesDir, valuesSuffix, fallbackEnvironment);
        if (environmentValues != null) {
            files.add(workspace.toolPath(environmentValues));
        }
        for (String extra : r.valuesFiles()) {
            boolean encrypted = EncryptedValuesFile.isOne(extra);
            String given = encrypted ? EncryptedValuesFile.pathOf(extra) : extra;
            String path = WorkspacePaths.requireInside(workspace, "valuesFiles", given);
            if (!workspace.isFile(path)) {
                throw new ValidationException("valuesFiles", "'" + NameRules.shown(extra) + "' is not a file in the workspace"
                        + (encrypted ? " (the path after secrets:// is one of the workspace)" : ""));
            }
            String toolPath = workspace.toolPath(path);
            files.add(encrypted ? EncryptedValuesFile.forHelm(toolPath) : toolPath);
        }
        return files;
    }

    /** {@code values.<env>.yaml}, else the fallback environment's (previews borrow stage's by default). */
    private String environmentValues(String valuesDir, String valuesSuffix, String fallbackEnvironment)
            throws IOException, InterruptedException {
        String own = valuesDir + "/values." + valuesSuffix + ".yaml";
        if (workspace.isFile(own)) {
            WorkspacePaths.requireResolvesInside(workspace, "environment", own);
            return own;
        }
        if (fallbackEnvironment == null) {
            return null;
        }
        String borrowed = valuesDir + "/values." + fallbackEnvironment + ".yaml";
        if (!workspace.isFile(borrowed)) {
            return null;
        }
        WorkspacePaths.requireResolvesInside(workspace, "fallbackValuesEnvironment", borrowed);
        return borrowed;
    }

    /**
     * The environment whose values stand in for a missing {@code values.<env>.yaml}, or {@code null};
     * checked whether or not it will be needed, so a bad one never waits for the day it is used.
     */
    private static String fallbackValuesEnvironment(DeployRequest r, String environment) {
        String fallback = r.fallbackValuesEnvironment() != null && !r.fallbackValuesEnvironment().isBlank()
                ? r.fallbackValuesEnvironment() : "preview".equals(environment) ? "stage" : null;
        return fallback == null ? null : NameRules.requireDnsLabel("fallbackValuesEnvironment", fallback);
    }

    private static GeneratedValues generatedValues(DeployRequest r) {
        // The keys are checked even without an image to place, so a bad one never waits for the day it is used.
        String imageRepositoryKey = requireKey("imageRepositoryKey", r.imageRepositoryKey());
        String imageTagKey = requireKey("imageTagKey", r.imageTagKey());
        GeneratedValues generated = new GeneratedValues().putAll("values", r.values()).putAll("secretValues", r.secretValues());
        for (String key : r.vaultSecrets().valuesKeys()) {
            if (r.secretValues().containsKey(key)) {
                throw new ValidationException("vaultSecrets", "values path '" + key + "' is also set by secretValues: give each"
                        + " values path one source");
            }
            generated.put("vaultSecrets", key, ""); // its form checked now; the value is read from Vault when the deploy runs
        }
        if (r.imageRepository() != null) {
            requireMatch("imageRepository", r.imageRepository(), IMAGE_REPOSITORY, "an image repository such as 'registry.example.com/team/payments'");
            generated.put("imageRepositoryKey", imageRepositoryKey, r.imageRepository());
        }
        if (r.imageTag() != null) {
            generated.put("imageTagKey", imageTagKey, requireImageTag(r.imageTag()));
        }
        return generated;
    }

    /** @throws ValidationException naming {@code imageTag} unless it is an image tag */
    public static String requireImageTag(String imageTag) {
        return requireMatch("imageTag", imageTag, IMAGE_TAG, "an image tag: letters, digits, '_', '.' and '-', at most 128, such as"
                + " '1.4.2' or a commit id");
    }

    private static String requireKey(String parameter, String key) {
        return requireMatch(parameter, key, VALUES_KEY, "a dotted values path such as 'image.tag'");
    }

    private static String requireMatch(String parameter, String value, Pattern pattern, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new ValidationException(parameter, "'" + NameRules.shown(String.valueOf(value)) + "' is not " + expected);
        }
        return value;
    }

    private static int requireHistoryMax(int historyMax) {
        if (historyMax < 0) {
            throw new ValidationException("historyMax", "must be 0 (no limit) or more; the default is 10");
        }
        return historyMax;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
