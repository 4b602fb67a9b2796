package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.BoundedParallel;
import io.jenkins.plugins.kubedelivery.engine.BoundedParallel.Outcome;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.UseCase;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import io.jenkins.plugins.kubedelivery.engine.monorepo.CatalogSettings;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretPaths;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * deployServices: several services of the monorepo deployed at once, at most {@code parallelism}
 * at a time, so a preview of N services takes about as long as its slowest one. Every request is
 * checked before the first command; every service is attempted; the failures are listed together.
 */
public final class DeployServices implements UseCase<DeployServicesRequest, DeployServicesResult> {
    public static final int DEFAULT_PARALLELISM = 4;

    private final EnginePorts ports;
    private final ClusterTarget cluster;
    private final String owner;

    /** @param owner who deploys, for the waiting message of a concurrent deploy */
    public DeployServices(EnginePorts ports, ClusterTarget cluster, String owner) {
        this.ports = ports;
        this.cluster = cluster;
        this.owner = owner;
    }

    /**
     * @return each service's result, in the given order
     * @throws EngineException listing every failed service, after all were attempted
     */
    @Override
    public DeployServicesResult run(DeployServicesRequest request) throws InterruptedException {
        List<String> services = request.services();
        DeployRequest template = request.template();
        int parallelism = request.parallelism();
        if (services == null || services.isEmpty()) {
            throw new ValidationException("services", "is empty: name at least one service, e.g. services: ['payments', 'search']");
        }
        if (new LinkedHashSet<>(services).size() != services.size()) {
            throw new ValidationException("services", "names a service twice: " + services);
        }
        ports.secrets().addAll(template.secretValues().values());
        List<DeployRequest> requests = new ArrayList<>();
        DeployPlanner planner = new DeployPlanner(ports.workspace());
        for (int i = 0; i < services.size(); i++) {
            // Named by position, since the planner's "service" names a parameter this step does not have.
            String service = NameRules.requireDnsLabel("services[" + i + "]", services.get(i));
            CatalogSettings catalogued = request.catalogued().getOrDefault(service, CatalogSettings.NONE);
            // the step's vaultSecrets are every service's; else each service's own from delivery.yaml
            SecretPaths vaultSecrets = template.vaultSecrets().isEmpty()
                    ? new SecretPaths(SecretStore.CONFIGURED, catalogued.vaultSecrets()) : template.vaultSecrets();
            DeployRequest serviceRequest = template.forService(service).toBuilder()
                    .release(catalogued.release()).chart(catalogued.chart()).vaultSecrets(vaultSecrets).build();
            planner.plan(serviceRequest);
            requests.add(serviceRequest);
        }
        DeployService deployer = new DeployService(ports, cluster, owner);
        if (!template.vaultSecrets().isEmpty()) {
            // read once for every service, after every service's checks and before the first command
            Map<String, String> secretValues = deployer.withVaultValues(template).secretValues();
            requests.replaceAll(r -> r.toBuilder().secretValues(secretValues).vaultSecrets(SecretPaths.NONE).build());
        }
        long started = ports.clock().millis();
        ports.log().line("Deploying " + services.size() + " services (" + String.join(", ", services) + "), "
                + Math.min(parallelism, services.size()) + " at a time");
        Map<String, DeployResult> results = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (Outcome<DeployRequest, DeployResult> o : BoundedParallel.run(requests, parallelism,
                AbortSafety.RESTORE_BOUND, deployer::run)) {
            if (o.succeeded()) {
                results.put(o.item().service(), o.value());
            } else {
                failures.add(o.item().service() + ": " + o.failure().getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new EngineException(failures.size() + " of " + services.size() + " services failed "
                    + (template.dryRun() ? "their dry run (" : "to deploy (")
                    + results.size() + " succeeded: " + String.join(", ", results.keySet()) + "): " + String.join("; ", failures));
        }
        ports.log().line((template.dryRun() ? "Checked " : "Deployed ") + services.size() + " services"
                + (template.dryRun() ? " (dry run)" : "") + " in " + Durations.human(Duration.ofMillis(ports.clock().millis() - started)));
        return new DeployServicesResult(results);
    }
}
