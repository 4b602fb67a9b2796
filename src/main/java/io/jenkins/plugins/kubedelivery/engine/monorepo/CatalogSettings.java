package io.jenkins.plugins.kubedelivery.engine.monorepo;

import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretPath;
import java.util.List;

/**
 * What {@code delivery.yaml} says about one service in one environment, for the steps that deploy
 * or roll it back: each value only where the file sets it differently from the conventions
 * ({@link ServiceDefinition#byConvention}, {@link EnvironmentDefinition#byConvention}), else
 * {@code null}, so that without the file, or where it spells the conventions out, a step does
 * exactly what it does by convention.
 *
 * @param valuesSuffix the environment's values files are {@code values.<suffix>.yaml}
 * @param vaultSecrets the service's Vault secrets in the environment; empty when the file names none
 */
public record CatalogSettings(String namespace, String kubeconfigCredentialsId, String kubeContext, String release,
        String chart, String valuesSuffix, List<SecretPath> vaultSecrets) {
    public static final CatalogSettings NONE = new CatalogSettings(null, null, null, null, null, null);

    public CatalogSettings {
        vaultSecrets = vaultSecrets == null ? List.of() : List.copyOf(vaultSecrets);
    }

    /** Settings without Vault secrets. */
    public CatalogSettings(String namespace, String kubeconfigCredentialsId, String kubeContext, String release, String chart,
            String valuesSuffix) {
        this(namespace, kubeconfigCredentialsId, kubeContext, release, chart, valuesSuffix, List.of());
    }

    /** The settings of an environment alone, for a step of several services. */
    public static CatalogSettings of(DeliveryCatalog catalog, String environment) {
        return of(catalog, null, environment);
    }

    /**
     * @param service a service the catalogue may not know (then it contributes nothing: the step
     *     reports an unknown service as it does without a catalogue), or {@code null}
     */
    public static CatalogSettings of(DeliveryCatalog catalog, String service, String environment) {
        EnvironmentDefinition env = catalog.environment(environment);
        EnvironmentDefinition envConvention = EnvironmentDefinition.byConvention(environment);
        ServiceDefinition svc = service == null ? null : catalog.services().get(service);
        ServiceDefinition svcConvention = svc == null ? null : ServiceDefinition.byConvention(service);
        return new CatalogSettings(differing(env.namespace(), envConvention.namespace()),
                differing(env.kubeconfigCredentialsId(), envConvention.kubeconfigCredentialsId()),
                differing(env.kubeContext(), envConvention.kubeContext()),
                svc == null ? null : differing(svc.release(), svcConvention.release()),
                svc == null ? null : differing(svc.chart(), svcConvention.chart()),
                differing(env.valuesSuffix(), envConvention.valuesSuffix()),
                svc == null ? List.of() : svc.vaultSecrets().getOrDefault(environment, List.of()));
    }

    /**
     * The deploy request with these settings for what it was not given (namespace, release, chart, values
     * suffix, Vault secrets), each picked through {@code choice}: deployService's and canaryShift's one rule.
     */
    public DeployRequest applyTo(DeployRequest given, SettingsChoice choice) {
        return given.toBuilder()
                .namespace(choice.pick("namespace", given.namespace(), namespace))
                .release(choice.pick("release", given.release(), release))
                .chart(choice.pick("chart", given.chart(), chart))
                .valuesSuffix(choice.pick("valuesSuffix", given.valuesSuffix(), valuesSuffix))
                .vaultSecrets(choice.pickVaultSecrets("vaultSecrets", given.vaultSecrets(), vaultSecrets))
                .build();
    }

    private static String differing(String value, String convention) {
        return value == null || value.equals(convention) ? null : value;
    }
}
