package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import io.jenkins.plugins.kubedelivery.engine.model.DeployRequest;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.DurationText;
import io.jenkins.plugins.kubedelivery.jenkins.PlainValues;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * The {@code deployService} parameters after conversion: typed, copied into plain serializable
 * values (an execution is written to disk at every Pipeline checkpoint), and turned into the
 * engine's {@link DeployRequest}. Everything beyond conversion is the engine's to check.
 */
final class DeployParameters implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final String environment;
    private final String namespace;
    private final String release;
    private final String chart;
    private final String chartVersion;
    private final ArrayList<String> valuesFiles;
    private final LinkedHashMap<String, Object> values;
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
    private final ClusterAccess clusterAccess;

    private DeployParameters(DeployServiceStep step) {
        service = DeployServiceStep.required("service", step.getService(), "the service's folder in the monorepo, e.g. payments");
        environment = DeployServiceStep.required("environment", step.getEnvironment(), "e.g. stage, prod or preview");
        namespace = step.getNamespace();
        release = step.getRelease();
        chart = step.getChart();
        chartVersion = step.getVersion();
        valuesFiles = PlainValues.copyStrings("valuesFiles", step.getValuesFiles());
        values = PlainValues.copyMap("values", step.getValues());
        imageTag = step.getImageTag();
        imageRepository = step.getImageRepository();
        imageTagKey = step.getImageTagKey();
        imageRepositoryKey = step.getImageRepositoryKey();
        timeout = DurationText.parse("timeout", step.getTimeout());
        waitForReady = step.isWait();
        atomic = step.isAtomic();
        historyMax = step.getHistoryMax();
        createNamespace = step.isCreateNamespace();
        dryRun = step.isDryRun();
        recoverStuckRelease = step.isRecoverStuckRelease();
        clusterAccess = new ClusterAccess(step.getKubeconfigCredentialsId(), step.getKubeContext(), step.getServer());
    }

    /** @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming the parameter that cannot be converted */
    static DeployParameters of(DeployServiceStep step) {
        return new DeployParameters(step);
    }

    DeployRequest toRequest() {
        return DeployRequest.builder(service, environment)
                .namespace(namespace)
                .release(release)
                .chart(chart)
                .chartVersion(chartVersion)
                .valuesFiles(valuesFiles)
                .values(values)
                .imageTag(imageTag)
                .imageRepository(imageRepository)
                .imageTagKey(imageTagKey)
                .imageRepositoryKey(imageRepositoryKey)
                .timeout(timeout)
                .waitForReady(waitForReady)
                .atomic(atomic)
                .historyMax(historyMax)
                .createNamespace(createNamespace)
                .dryRun(dryRun)
                .recoverStuckRelease(recoverStuckRelease)
                .build();
    }

    ClusterAccess clusterAccess() {
        return clusterAccess;
    }

    /** The release and namespace as the user sees them before the engine resolves the conventions. */
    String target() {
        return (release != null ? release : service) + " in "
                + (namespace != null ? "namespace " + namespace : "environment " + environment);
    }

    boolean dryRun() {
        return dryRun;
    }
}
