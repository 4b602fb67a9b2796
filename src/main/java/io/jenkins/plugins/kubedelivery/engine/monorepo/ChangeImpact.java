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
 * <p>Paths are matched through an index by first path segment, so a change of thousands of files in
 * a repository of a thousand services costs a few map lookups per file.
 */
public final class ChangeImpact {
    /** Files whose change may change how every service is delivered. */
    public static final Set<String> AFFECT_ALL = Set.of(ServiceCatalogReader.FILE, "Jenkinsfile");

    private ChangeImpact() {}

    /** @return the affected services in catalogue order, each with its reason */
    public static List<AffectedService> of(DeliveryCatalog catalog, List<ChangedPath> changes) {
        for (ChangedPath change : changes) {
            String global = AFFECT_ALL.contains(change.path()) ? change.path()
                    : change.previousPath() != null && AFFECT_ALL.contains(change.previousPath()) ? change.previousPath() : null;
            if (global != null) {
                return catalog.services().keySet().stream()
                        .map(s -> new AffectedService(s, global + " changed, which may change every service")).toList();
            }
        }
        Map<String, String> reasons = direct(catalog, changes);
        addDependents(catalog, reasons);
        List<AffectedService> affected = new ArrayList<>();
        for (String service : catalog.services().keySet()) {
            if (reasons.containsKey(service)) {
                affected.add(new AffectedService(service, reasons.get(service)));
            }
        }
        return affected;
    }

    /** Services a changed file belongs to, with the first such file and how many more. */
    private static Map<String, String> direct(DeliveryCatalog catalog, List<ChangedPath> changes) {
        Map<String, List<Owner>> index = index(catalog);
        Map<String, List<ChangedPath>> matched = new LinkedHashMap<>();
        for (ChangedPath change : changes) {
            for (String path : change.previousPath() == null ? List.of(change.path()) : List.of(change.path(), change.previousPath())) {
                for (Owner owner : index.getOrDefault(firstSegment(path), List.of())) {
                    if (owner.covers(path)) {
                        List<ChangedPath> files = matched.computeIfAbsent(owner.service, s -> new ArrayList<>());
                        if (files.isEmpty() || files.get(files.size() - 1) != change) {
                            files.add(change);
                        }
                    }
                }
            }
        }
        Map<String, String> reasons = new HashMap<>();
        matched.forEach((service, files) -> reasons.put(service, "changed in " + files.get(0).describe()
                + (files.size() == 1 ? "" : " and " + (files.size() - 1) + " more file" + (files.size() == 2 ? "" : "s"))));
        return reasons;
    }

    /** Breadth first, so each dependent's reason names the shortest chain to a changed service. */
    private static void addDependents(DeliveryCatalog catalog, Map<String, String> reasons) {
        Deque<String> queue = new ArrayDeque<>();
        catalog.services().keySet().stream().filter(reasons::containsKey).forEach(queue::add);
        while (!queue.isEmpty()) {
            String changed = queue.poll();
            for (ServiceDefinition dependent : catalog.dependents(changed)) {
                if (!reasons.containsKey(dependent.name())) {
                    reasons.put(dependent.name(), "depends on " + changed + ", which " + reasons.get(changed));
                    queue.add(dependent.name());
                }
            }
        }
    }

    private static Map<String, List<Owner>> index(DeliveryCatalog catalog) {
        Map<String, List<Owner>> index = new HashMap<>();
        for (ServiceDefinition service : catalog.services().values()) {
            List<String> roots = new ArrayList<>();
            roots.add(service.directory() + "/");
            if (service.localChart()) {
                roots.add(service.chart() + "/");
            }
            roots.addAll(service.paths());
            for (String root : roots) {
                index.computeIfAbsent(firstSegment(root), k -> new ArrayList<>()).add(new Owner(service.name(), root));
            }
        }
        return index;
    }

    private static String firstSegment(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    /**
     * A path that belongs to a service: a directory when it ends with a slash; otherwise a file, or a
     * directory written without its slash.
     */
    private record Owner(String service, String root) {
        boolean covers(String path) {
            return root.endsWith("/") ? path.startsWith(root) : path.equals(root) || path.startsWith(root + "/");
        }
    }
}
