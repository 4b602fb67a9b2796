package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.BoundedParallel;
import io.jenkins.plugins.kubedelivery.engine.BoundedParallel.Outcome;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.model.DeployResult;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
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
public final class DeployServices {
    public static final int DEFAULT_PARALLELISM = 4;

    private final EnginePorts ports;

    public DeployServices(EnginePorts ports) {
        this.ports = ports;
    }

    /**
     * @param template the settings every service shares; its service is ignored
     * @return service name to its result map, in the given order
     * @throws EngineException listing every failed service, after all were attempted
     */
    public Map<String, Map<String, Object>> deployAll(List<String> services, DeployRequest template, int parallelism,
            ClusterTarget cluster, String owner) throws InterruptedException {
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
            DeployRequest request = template.forService(service);
            planner.plan(request);
            requests.add(request);
        }
        long started = ports.clock().millis();
        ports.log().line("Deploying " + services.size() + " services (" + String.join(", ", services) + "), "
                + Math.min(parallelism, services.size()) + " at a time");
        DeployService deployer = new DeployService(ports);
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (Outcome<DeployRequest, DeployResult> o : BoundedParallel.run(requests, parallelism,
                AbortSafety.RESTORE_BOUND, r -> deployer.deploy(r, cluster, owner))) {
            if (o.succeeded()) {
                results.put(o.item().service(), o.value().toMap());
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
        return results;
    }
}
