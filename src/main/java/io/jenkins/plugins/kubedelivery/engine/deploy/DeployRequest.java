package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.secrets.SecretPaths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code deployService} was asked to do, as given by the user. Unset optional values are
 * {@code null} and take the monorepo's conventions, as README.md's step reference lists them (namespace =
 * environment, release = service, chart = {@code helm/<service>}); {@code DeployPlanner} checks everything and resolves them before
 * any command runs.
 *
 * <p>{@code secretValues} are the values no output may show: the use case registers them with its
 * ports' masking filter before anything else, and nothing here prints them (no {@code toString}).
 */
public final class DeployRequest implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_HISTORY_MAX = 10;
    public static final String DEFAULT_IMAGE_TAG_KEY = "image.tag";
    public static final String DEFAULT_IMAGE_REPOSITORY_KEY = "image.repository";

    private final String service;
    private final String environment;
    private final String namespace;
    private final String release;
    private final String chart;
    private final String chartVersion;
    private final List<String> valuesFiles;
    private final Map<String, Object> values;
    /** Transient: a serialized request (a resumable step's) never holds a secret; one read back has none. */
    private final transient Map<String, String> secretValues;
    /** The secrets to read from Vault when the deploy runs: paths and keys only, so a kept request holds no secret. */
    private final SecretPaths vaultSecrets;
    private final String imageTag;
    private final String imageRepository;
    private final String imageTagKey;
    private final String imageRepositoryKey;
    private final Duration timeout;
    private final boolean waitForReady;
    private final boolean atomic;
    private final int historyMax;
    private final boolean createNamespace;
    private final boolean dryRun;
    private final boolean recoverStuckRelease;
    private final String fallbackValuesEnvironment;
    private final String description;
    private final String valuesSuffix;

    private DeployRequest(Builder b) {
        service = b.service;
        environment = b.environment;
        namespace = b.namespace;
        release = b.release;
        chart = b.chart;
        chartVersion = b.chartVersion;
        valuesFiles = Collections.unmodifiableList(new ArrayList<>(b.valuesFiles));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(b.values));
        secretValues = Collections.unmodifiableMap(new LinkedHashMap<>(b.secretValues));
        vaultSecrets = b.vaultSecrets;
        imageTag = b.imageTag;
        imageRepository = b.imageRepository;
        imageTagKey = b.imageTagKey;
        imageRepositoryKey = b.imageRepositoryKey;
        timeout = b.timeout;
        waitForReady = b.waitForReady;
        atomic = b.atomic;
        historyMax = b.historyMax;
        createNamespace = b.createNamespace;
        dryRun = b.dryRun;
        recoverStuckRelease = b.recoverStuckRelease;
        fallbackValuesEnvironment = b.fallbackValuesEnvironment;
        description = b.description;
        valuesSuffix = b.valuesSuffix;
    }

    /** The same request for another service of the monorepo: its own release and chart by convention. */
    public DeployRequest forService(String otherService) {
        return copy(otherService).release(null).chart(null).build();
    }

    /** The same service, chart and values installed as another release (a canary beside the stable one). */
    public DeployRequest asRelease(String otherRelease) {
        return copy(service).release(otherRelease).build();
    }

    /** A builder holding everything this request holds, to change some of it (say, what delivery.yaml adds). */
    public Builder toBuilder() {
        return copy(service);
    }

    private Builder copy(String forService) {
        return new Builder(forService, environment).namespace(namespace).release(release).chart(chart).chartVersion(chartVersion)
                .valuesFiles(valuesFiles).values(values).secretValues(secretValues()).vaultSecrets(vaultSecrets()).imageTag(imageTag).imageRepository(imageRepository)
                .imageTagKey(imageTagKey).imageRepositoryKey(imageRepositoryKey).timeout(timeout).waitForReady(waitForReady)
                .atomic(atomic).historyMax(historyMax).createNamespace(createNamespace).dryRun(dryRun)
                .recoverStuckRelease(recoverStuckRelease).fallbackValuesEnvironment(fallbackValuesEnvironment)
                .description(description).valuesSuffix(valuesSuffix);
    }

    public static Builder builder(String service, String environment) {
        return new Builder(service, environment);
    }

    public String service() { return service; }
    public String environment() { return environment; }
    /** @return the namespace asked for, or {@code null} for the convention */
    public String namespace() { return namespace; }
    /** @return the release asked for, or {@code null} for the convention */
    public String release() { return release; }
    /** @return the chart asked for, or {@code null} for the convention */
    public String chart() { return chart; }
    public String chartVersion() { return chartVersion; }
    public List<String> valuesFiles() { return valuesFiles; }
    public Map<String, Object> values() { return values; }
    /** Dotted values paths to secret text, written with {@code values} into the generated file. */
    public Map<String, String> secretValues() { return secretValues == null ? Map.of() : secretValues; }
    /** The Vault secrets still to read into the generated values; {@link SecretPaths#NONE} once read (or when none). */
    public SecretPaths vaultSecrets() { return vaultSecrets == null ? SecretPaths.NONE : vaultSecrets; }
    public String imageTag() { return imageTag; }
    public String imageRepository() { return imageRepository; }
    public String imageTagKey() { return imageTagKey; }
    public String imageRepositoryKey() { return imageRepositoryKey; }
    public Duration timeout() { return timeout; }
    public boolean waitForReady() { return waitForReady; }
    public boolean atomic() { return atomic; }
    public int historyMax() { return historyMax; }
    public boolean createNamespace() { return createNamespace; }
    public boolean dryRun() { return dryRun; }
    public boolean recoverStuckRelease() { return recoverStuckRelease; }
    /**
     * The environment whose values file stands in when {@code values.<environment>.yaml} is missing;
     * {@code null} for the default ({@code stage} for {@code preview}, none otherwise).
     */
    public String fallbackValuesEnvironment() { return fallbackValuesEnvironment; }
    /** helm's {@code --description} of the revision (its history shows it), or {@code null} for helm's own. */
    public String description() { return description; }
    /** @return the environment's values files are {@code values.<suffix>.yaml}; {@code null} for the environment's name */
    public String valuesSuffix() { return valuesSuffix; }

    /** Fluent construction with the documented defaults. */
    public static final class Builder {
        private final String service;
        private final String environment;
        private String namespace;
        private String release;
        private String chart;
        private String chartVersion;
        private List<String> valuesFiles = List.of();
        private Map<String, Object> values = Map.of();
        private Map<String, String> secretValues = Map.of();
        private SecretPaths vaultSecrets = SecretPaths.NONE;
        private String imageTag;
        private String imageRepository;
        private String imageTagKey = DEFAULT_IMAGE_TAG_KEY;
        private String imageRepositoryKey = DEFAULT_IMAGE_REPOSITORY_KEY;
        private Duration timeout = DEFAULT_TIMEOUT;
        private boolean waitForReady = true;
        private boolean atomic = true;
        private int historyMax = DEFAULT_HISTORY_MAX;
        private boolean createNamespace;
        private boolean dryRun;
        private boolean recoverStuckRelease;
        private String fallbackValuesEnvironment;
        private String description;
        private String valuesSuffix;

        private Builder(String service, String environment) {
            this.service = service;
            this.environment = environment;
        }

        public Builder namespace(String v) { namespace = v; return this; }
        public Builder release(String v) { release = v; return this; }
        public Builder chart(String v) { chart = v; return this; }
        public Builder chartVersion(String v) { chartVersion = v; return this; }
        public Builder valuesFiles(List<String> v) { valuesFiles = v == null ? List.of() : v; return this; }
        public Builder values(Map<String, Object> v) { values = v == null ? Map.of() : v; return this; }
        public Builder secretValues(Map<String, String> v) { secretValues = v == null ? Map.of() : v; return this; }
        public Builder vaultSecrets(SecretPaths v) { vaultSecrets = v == null ? SecretPaths.NONE : v; return this; }
        public Builder imageTag(String v) { imageTag = v; return this; }
        public Builder imageRepository(String v) { imageRepository = v; return this; }
        public Builder imageTagKey(String v) { imageTagKey = v; return this; }
        public Builder imageRepositoryKey(String v) { imageRepositoryKey = v; return this; }
        public Builder timeout(Duration v) { timeout = v; return this; }
        public Builder waitForReady(boolean v) { waitForReady = v; return this; }
        public Builder atomic(boolean v) { atomic = v; return this; }
        public Builder historyMax(int v) { historyMax = v; return this; }
        public Builder createNamespace(boolean v) { createNamespace = v; return this; }
        public Builder dryRun(boolean v) { dryRun = v; return this; }
        public Builder recoverStuckRelease(boolean v) { recoverStuckRelease = v; return this; }
        public Builder fallbackValuesEnvironment(String v) { fallbackValuesEnvironment = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder valuesSuffix(String v) { valuesSuffix = v; return this; }

        public DeployRequest build() {
            return new DeployRequest(this);
        }
    }
}
