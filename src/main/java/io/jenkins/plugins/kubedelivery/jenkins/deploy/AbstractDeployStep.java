package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;
import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.orDefault;

import io.jenkins.plugins.kubedelivery.engine.SecretMask;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.jenkins.PlainValues;
import io.jenkins.plugins.kubedelivery.jenkins.vault.VaultSecretPath;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Helm settings {@code deployService} and {@code deployServices} share, with their defaults (the
 * engine's constants), so the two steps cannot drift apart; their help and form fragment are in this
 * class's resource folder. {@link #request} converts them into the engine's request. Public because
 * structs binds the inherited setters by reflection.
 */
public abstract class AbstractDeployStep extends AbstractHelmStep {
    private List<String> valuesFiles;
    private Map<String, Object> values;
    private Map<String, Object> secretValues;
    private String imageTag;
    private String imageRepository;
    private String imageTagKey = DeployRequest.DEFAULT_IMAGE_TAG_KEY;
    private String imageRepositoryKey = DeployRequest.DEFAULT_IMAGE_REPOSITORY_KEY;
    private boolean atomic = true;
    private int historyMax = DeployRequest.DEFAULT_HISTORY_MAX;
    private boolean createNamespace;
    private boolean dryRun;
    private boolean recoverStuckRelease;
    private String description;
    private List<VaultSecretPath> vaultSecrets;
    private String vaultUrl;
    private String vaultCredentialId;

    public List<String> getValuesFiles() { return valuesFiles; }
    public Map<String, Object> getValues() { return values; }
    /**
     * The keys only, each value shown as {@link SecretMask#HIDDEN}: a Step's getters feed the Snippet
     * Generator and every tool that describes a step, none of which may see a secret.
     */
    public Map<String, Object> getSecretValues() { return PlainValues.maskedValues(secretValues); }
    public String getImageTag() { return imageTag; }
    public String getImageRepository() { return imageRepository; }
    public String getImageTagKey() { return imageTagKey; }
    public String getImageRepositoryKey() { return imageRepositoryKey; }
    public boolean isAtomic() { return atomic; }
    public int getHistoryMax() { return historyMax; }
    public boolean isCreateNamespace() { return createNamespace; }
    public boolean isDryRun() { return dryRun; }
    public boolean isRecoverStuckRelease() { return recoverStuckRelease; }
    public String getDescription() { return description; }
    public List<VaultSecretPath> getVaultSecrets() { return vaultSecrets; }
    public String getVaultUrl() { return vaultUrl; }
    public String getVaultCredentialId() { return vaultCredentialId; }

    @DataBoundSetter public void setValuesFiles(List<String> valuesFiles) { this.valuesFiles = valuesFiles; }
    @DataBoundSetter public void setValues(Map<String, Object> values) { this.values = values; }
    @DataBoundSetter public void setSecretValues(Map<String, Object> secretValues) { this.secretValues = secretValues; }
    @DataBoundSetter public void setImageTag(String imageTag) { this.imageTag = optional(imageTag); }
    @DataBoundSetter public void setImageRepository(String imageRepository) { this.imageRepository = optional(imageRepository); }
    @DataBoundSetter public void setImageTagKey(String imageTagKey) {
        this.imageTagKey = orDefault(imageTagKey, DeployRequest.DEFAULT_IMAGE_TAG_KEY);
    }
    @DataBoundSetter public void setImageRepositoryKey(String imageRepositoryKey) {
        this.imageRepositoryKey = orDefault(imageRepositoryKey, DeployRequest.DEFAULT_IMAGE_REPOSITORY_KEY);
    }
    @DataBoundSetter public void setAtomic(boolean atomic) { this.atomic = atomic; }
    @DataBoundSetter public void setHistoryMax(int historyMax) { this.historyMax = historyMax; }
    @DataBoundSetter public void setCreateNamespace(boolean createNamespace) { this.createNamespace = createNamespace; }
    @DataBoundSetter public void setDryRun(boolean dryRun) { this.dryRun = dryRun; }
    @DataBoundSetter public void setRecoverStuckRelease(boolean recover) { this.recoverStuckRelease = recover; }
    @DataBoundSetter public void setDescription(String description) { this.description = optional(description); }
    @DataBoundSetter public void setVaultSecrets(List<VaultSecretPath> vaultSecrets) { this.vaultSecrets = vaultSecrets; }
    @DataBoundSetter public void setVaultUrl(String vaultUrl) { this.vaultUrl = optional(vaultUrl); }
    @DataBoundSetter public void setVaultCredentialId(String id) { this.vaultCredentialId = optional(id); }

    /**
     * The engine's request with every shared setting converted: Pipeline maps and lists copied into
     * plain values, the timeout parsed. Everything beyond conversion is the engine's to check.
     *
     * @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming the parameter that cannot be converted
     */
    protected final DeployRequest.Builder request(String service, String environment) {
        return DeployRequest.builder(service, environment)
                .namespace(getNamespace())
                .valuesFiles(PlainValues.copyStrings("valuesFiles", valuesFiles))
                .values(PlainValues.copyMap("values", values))
                .secretValues(PlainValues.copySecretMap("secretValues", secretValues))
                .vaultSecrets(VaultSecretPath.toSecretPaths(vaultUrl, vaultCredentialId, vaultSecrets))
                .imageTag(imageTag)
                .imageRepository(imageRepository)
                .imageTagKey(imageTagKey)
                .imageRepositoryKey(imageRepositoryKey)
                .timeout(timeoutDuration())
                .waitForReady(isWait())
                .atomic(atomic)
                .historyMax(historyMax)
                .createNamespace(createNamespace)
                .dryRun(dryRun)
                .recoverStuckRelease(recoverStuckRelease)
                .description(description);
    }
}
