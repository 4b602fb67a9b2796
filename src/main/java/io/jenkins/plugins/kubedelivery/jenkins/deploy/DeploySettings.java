package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.DurationText;
import io.jenkins.plugins.kubedelivery.jenkins.PlainValues;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * The shared Helm settings of {@link AbstractDeployStep} after conversion: typed, copied into
 * plain serializable values (an execution is written to disk at every Pipeline checkpoint), and
 * applied to the engine's {@link DeployRequest.Builder}. Everything beyond conversion is the
 * engine's to check.
 *
 * <p>{@code secretValues} is transient: held in memory while the step runs and never written with
 * the execution. A controller restart fails the step (BackgroundStepExecution#onResume) before any
 * work would need them again; the pipeline's next run passes them anew.
 */
final class DeploySettings implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String namespace;
    private final ArrayList<String> valuesFiles;
    private final LinkedHashMap<String, Object> values;
    private final transient LinkedHashMap<String, String> secretValues;
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

    private DeploySettings(AbstractDeployStep step) {
        namespace = step.getNamespace();
        valuesFiles = PlainValues.copyStrings("valuesFiles", step.getValuesFiles());
        values = PlainValues.copyMap("values", step.getValues());
        secretValues = PlainValues.copySecretMap("secretValues", step.secretValuesAsGiven());
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
        clusterAccess = step.clusterAccess();
    }

    /** @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming the parameter that cannot be converted */
    static DeploySettings of(AbstractDeployStep step) {
        return new DeploySettings(step);
    }

    DeployRequest.Builder applyTo(DeployRequest.Builder builder) {
        return builder.namespace(namespace)
                .valuesFiles(valuesFiles)
                .values(values)
                .secretValues(secretValues)
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
                .recoverStuckRelease(recoverStuckRelease);
    }

    ClusterAccess clusterAccess() {
        return clusterAccess;
    }

    /** @return the namespace asked for, or {@code null} for the environment's */
    String namespace() {
        return namespace;
    }

    boolean dryRun() {
        return dryRun;
    }
}
