package io.jenkins.plugins.kubedelivery.engine.monorepo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which services own a path: every service's directory, workspace chart and declared paths, held in
 * one map by root, so that finding a file's owners costs one lookup per directory on the file's path
 * (and one for the path itself), however many services there are and however many share a parent
 * (all the charts under {@code helm/}). Building it is one map entry per root, which matters as much
 * as the lookups: it is built for every call, on a catalogue of up to thousands of services.
 *
 * <p>A root ending in a slash ({@code libs/common/}) owns what is below it; a root without one owns
 * itself too (a file, or a directory written without its slash).
 */
final class PathOwners {
    /** By root without its trailing slash. */
    private final Map<String, Owners> byRoot = new HashMap<>();

    /** The owners of every service of the catalogue. */
    static PathOwners of(DeliveryCatalog catalog) {
        PathOwners owners = new PathOwners();
        for (ServiceDefinition service : catalog.services().values()) {
            owners.add(service.name(), service.directory() + "/");
            if (service.localChart()) {
                owners.add(service.name(), service.chart() + "/");
            }
            for (String path : service.paths()) {
                owners.add(service.name(), path);
            }
        }
        return owners;
    }

    private void add(String service, String root) {
        boolean belowOnly = root.endsWith("/");
        String key = belowOnly ? root.substring(0, root.length() - 1) : root;
        Owners owners = byRoot.get(key);
        if (owners == null) {
            owners = new Owners();
            byRoot.put(key, owners);
        }
        if (belowOnly) {
            owners.ofBelow = added(owners.ofBelow, service);
        } else {
            owners.ofItselfAndBelow = added(owners.ofItselfAndBelow, service);
        }
    }

    /** The services owning {@code path}, each once, in the order of their roots from the top. */
    List<String> of(String path) {
        List<String> found = new ArrayList<>(1);
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            Owners above = byRoot.get(path.substring(0, slash));
            if (above != null) {
                addNew(found, above.ofItselfAndBelow);
                addNew(found, above.ofBelow);
            }
        }
        Owners itself = byRoot.get(path);
        if (itself != null) {
            addNew(found, itself.ofItselfAndBelow); // the path is this root itself, not below it
        }
        return found;
    }

    private static List<String> added(List<String> services, String service) {
        List<String> more = services.isEmpty() ? new ArrayList<>(1) : services;
        more.add(service);
        return more;
    }

    private static void addNew(List<String> found, List<String> services) {
        for (String service : services) {
            if (!found.contains(service)) {
                found.add(service);
            }
        }
    }

    /** The services whose roots are one path: those that own what is below it, and those that own it too. */
    private static final class Owners {
        List<String> ofBelow = List.of();
        List<String> ofItselfAndBelow = List.of();
    }
}
