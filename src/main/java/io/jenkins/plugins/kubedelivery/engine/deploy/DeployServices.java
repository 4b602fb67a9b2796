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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * deployServices: several services of the monorepo deployed at once, at most {@code parallelism}
 * at a time, so a preview of N services takes about as long as its slowest one; a service that
 * depends on others of them ({@code delivery.yaml}'s {@code dependsOn}) waits for them
 * ({@link DeployWaves}), and is skipped, saying why, when one was not deployed. Every request is
 * checked before the first command; every other service is attempted; the failures are listed together.
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
        DeployWaves order = new DeployWaves(services, request.dependsOn());
        List<List<String>> waves = order.waves();
        ports.log().line("Deploying " + services.size() + " services (" + String.join(", ", services) + "), "
                + Math.min(parallelism, services.size()) + " at a time"
                + (waves.size() > 1 ? ", in " + waves.size() + " waves, each service after those it depends on: " + waves : ""));
        Map<String, DeployResult> deployed = new HashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (List<String> wave : waves) {
            List<DeployRequest> ready = new ArrayList<>();
            for (DeployRequest serviceRequest : requests) {
                String service = serviceRequest.service();
                if (!wave.contains(service)) {
                    continue;
                }
                Optional<String> blocker = order.blockedBy(service, failed.keySet());
                if (blocker.isPresent()) {
                    String reason = "skipped: it depends on " + blocker.get() + ", which was not deployed";
                    ports.log().line(service + ": " + reason);
                    failed.put(service, reason);
                } else {
                    ready.add(serviceRequest);
                }
            }
            for (Outcome<DeployRequest, DeployResult> o : BoundedParallel.run(ready, parallelism, AbortSafety.RESTORE_BOUND,
                    deployer::run)) {
                if (o.succeeded()) {
                    deployed.put(o.item().service(), o.value());
                } else {
                    failed.put(o.item().service(), o.failure().getMessage());
                }
            }
        }
        Map<String, DeployResult> results = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (String service : services) {
            if (deployed.containsKey(service)) {
                results.put(service, deployed.get(service));
            } else {
                failures.add(service + ": " + failed.get(service));
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
