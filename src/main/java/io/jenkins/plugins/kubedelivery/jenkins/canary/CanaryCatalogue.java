package io.jenkins.plugins.kubedelivery.jenkins.canary;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.canary.CanaryTarget;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterTemplate;
import io.jenkins.plugins.kubedelivery.engine.monorepo.CanaryDefaults;
import io.jenkins.plugins.kubedelivery.engine.monorepo.CatalogSettings;
import io.jenkins.plugins.kubedelivery.engine.monorepo.DeliveryCatalog;
import io.jenkins.plugins.kubedelivery.engine.monorepo.SettingsChoice;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import io.jenkins.plugins.kubedelivery.jenkins.DeliveryYaml;

/**
 * What {@code delivery.yaml} gives the canary steps for one service in one environment: the settings
 * deployService takes ({@link CatalogSettings}, through the same {@link SettingsChoice}) plus the
 * {@code canary:} section's router, each only where the step's parameter was not given.
 */
final class CanaryCatalogue {
    /** The routers as a step writes them, for the error that asks for one. */
    private static final String ROUTER_EXAMPLES = "nginx(ingress: 'payments'), gatewayApi(route: 'payments'),"
            + " istio(virtualService: 'payments') or replicas()";

    private final DeliveryCatalog catalog;
    private final CatalogSettings settings;
    private final SettingsChoice choice;
    private final String service;
    private final String environment;

    CanaryCatalogue(DeliveryCatalog catalog, String service, String environment, SettingsChoice choice) {
        this.catalog = catalog;
        this.settings = CatalogSettings.of(catalog, service, environment);
        this.choice = choice;
        this.service = service;
        this.environment = environment;
    }

    CatalogSettings settings() {
        return settings;
    }

    CanaryDefaults canary() {
        return catalog.canary();
    }

    SettingsChoice choice() {
        return choice;
    }

    ClusterAccess access(ClusterAccess given) {
        return DeliveryYaml.access(given, settings, choice);
    }

    /** The companion steps' target: namespace and release from the file when the step gave none, as deployService takes them. */
    CanaryTarget target(CanaryTarget given) {
        return new CanaryTarget(given.service(), given.environment(), choice.pick("namespace", given.namespace(), settings.namespace()),
                choice.pick("release", given.release(), settings.release()));
    }

    /**
     * The step's router, else the file's with this service's names filled in.
     *
     * @param release the stable release's name as the step will use it, or {@code null} for the service's
     * @throws ValidationException naming {@code router} when neither gives one
     */
    RouterSpec router(RouterSpec given, String release) {
        RouterTemplate template = catalog.canary().router();
        String stable = release != null ? release : service;
        RouterSpec router = choice.pick("router", given, template == null ? null : template.resolve(service, stable),
                r -> template.describe(service, stable));
        if (router == null) {
            throw routerRequired(catalog.environment(environment).canary()
                    ? "environment " + environment + " is marked canary: true in delivery.yaml, but neither the step nor the file"
                            + " names its router"
                    : "neither the step nor delivery.yaml names one");
        }
        return router;
    }

    /** @throws ValidationException naming {@code router} when there is none */
    static RouterSpec requireRouter(RouterSpec router) {
        if (router == null) {
            throw routerRequired("the step names none and the workspace has no delivery.yaml");
        }
        return router;
    }

    private static ValidationException routerRequired(String why) {
        return new ValidationException("router", "is required (" + why + "): give router: in the step, " + ROUTER_EXAMPLES
                + ", or in delivery.yaml's canary section for every service, e.g. canary: {router: {nginx: {ingress: '"
                + RouterTemplate.RELEASE + "'}}}");
    }
}
