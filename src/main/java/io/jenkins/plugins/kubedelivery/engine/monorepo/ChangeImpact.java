package io.jenkins.plugins.kubedelivery.engine.monorepo;

import io.jenkins.plugins.kubedelivery.engine.model.ChangedPath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which services a change affects: those whose directory, workspace chart or declared paths hold a
 * changed file (both sides of a rename count, deletions count), then every service that depends on
 * an affected one, transitively. A change to {@code delivery.yaml} or the root {@code Jenkinsfile}
 * affects all. A pure function: git reads the change, this decides.
 *
 * <p>Paths are matched through {@link PathOwners}, a tree of path segments, and dependents through
 * one reverse map of {@code dependsOn}, so a change of thousands of files in a repository of a
 * thousand services costs a few map lookups per file and per affected service.
 */
public final class ChangeImpact {
    /** Files whose change may change how every service is delivered. */
    public static final Set<String> AFFECT_ALL = Set.of(ServiceCatalogReader.FILE, "Jenkinsfile");

    private ChangeImpact() {}

    /** @return the affected services in catalogue order, each with its reason and its affected dependencies */
    public static List<AffectedService> of(DeliveryCatalog catalog, List<ChangedPath> changes) {
        for (ChangedPath change : changes) {
            String global = AFFECT_ALL.contains(change.path()) ? change.path()
                    : change.previousPath() != null && AFFECT_ALL.contains(change.previousPath()) ? change.previousPath() : null;
            if (global != null) {
                return every(catalog, global + " changed, which may change every service");
            }
        }
        Map<String, String> reasons = direct(catalog, changes);
        addDependents(catalog, reasons);
        return inCatalogueOrder(catalog, reasons);
    }

    /** Every service of the catalogue, for one reason, when no exact answer is possible or wanted. */
    public static List<AffectedService> every(DeliveryCatalog catalog, String reason) {
        Map<String, String> reasons = new HashMap<>();
        catalog.services().keySet().forEach(service -> reasons.put(service, reason));
        return inCatalogueOrder(catalog, reasons);
    }

    private static List<AffectedService> inCatalogueOrder(DeliveryCatalog catalog, Map<String, String> reasons) {
        List<AffectedService> affected = new ArrayList<>(reasons.size());
        for (ServiceDefinition service : catalog.services().values()) {
            String reason = reasons.get(service.name());
            if (reason != null) {
                List<String> dependencies = new ArrayList<>();
                for (String dependency : service.dependsOn()) {
                    if (reasons.containsKey(dependency)) {
                        dependencies.add(dependency);
                    }
                }
                affected.add(new AffectedService(service.name(), reason, dependencies));
            }
        }
        return affected;
    }

    /** Services a changed file belongs to, with the first such file and how many more. */
    private static Map<String, String> direct(DeliveryCatalog catalog, List<ChangedPath> changes) {
        PathOwners owners = PathOwners.of(catalog);
        Map<String, List<ChangedPath>> matched = new LinkedHashMap<>();
        for (ChangedPath change : changes) {
            match(owners.of(change.path()), change, matched);
            if (change.previousPath() != null) {
                match(owners.of(change.previousPath()), change, matched);
            }
        }
        Map<String, String> reasons = new HashMap<>();
        matched.forEach((service, files) -> reasons.put(service, "changed in " + files.get(0).describe()
                + (files.size() == 1 ? "" : " and " + (files.size() - 1) + " more file" + (files.size() == 2 ? "" : "s"))));
        return reasons;
    }

    /** Counts the change once per service, even when both sides of a rename belong to it. */
    private static void match(List<String> services, ChangedPath change, Map<String, List<ChangedPath>> matched) {
        for (String service : services) {
            List<ChangedPath> files = matched.computeIfAbsent(service, s -> new ArrayList<>());
            if (files.isEmpty() || files.get(files.size() - 1) != change) {
                files.add(change);
            }
        }
    }

    /** Breadth first, so each dependent's reason names the shortest chain to a changed service. */
    private static void addDependents(DeliveryCatalog catalog, Map<String, String> reasons) {
        Map<String, List<String>> dependents = new HashMap<>();
        for (ServiceDefinition service : catalog.services().values()) {
            for (String dependency : service.dependsOn()) {
                dependents.computeIfAbsent(dependency, d -> new ArrayList<>()).add(service.name());
            }
        }
        Deque<String> queue = new ArrayDeque<>();
        catalog.services().keySet().stream().filter(reasons::containsKey).forEach(queue::add);
        while (!queue.isEmpty()) {
            String changed = queue.poll();
            for (String dependent : dependents.getOrDefault(changed, List.of())) {
                if (!reasons.containsKey(dependent)) {
                    reasons.put(dependent, "depends on " + changed + ", which " + reasons.get(changed));
                    queue.add(dependent);
                }
            }
        }
    }
}
