package io.jenkins.plugins.kubedelivery.testcluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kinds one simulated server knows: the fixed table of built-in kinds, plus the custom
 * resources its CustomResourceDefinitions add and remove while it runs. Nothing outside it can be
 * stored. Each cluster has its own catalogue; the built-in constants are shared.
 */
public final class ResourceCatalog {
    public static final ResourceType NAMESPACE = core("Namespace", "namespaces", false, List.of("ns"), false, true);
    public static final ResourceType SECRET = core("Secret", "secrets", true, List.of(), false, false);
    public static final ResourceType CONFIG_MAP = core("ConfigMap", "configmaps", true, List.of("cm"), false, false);
    public static final ResourceType SERVICE = core("Service", "services", true, List.of("svc"), true, true);
    public static final ResourceType SERVICE_ACCOUNT =
            core("ServiceAccount", "serviceaccounts", true, List.of("sa"), false, false);
    public static final ResourceType POD = core("Pod", "pods", true, List.of("po"), true, true);
    public static final ResourceType RESOURCE_QUOTA =
            core("ResourceQuota", "resourcequotas", true, List.of("quota"), false, true);
    public static final ResourceType LIMIT_RANGE = core("LimitRange", "limitranges", true, List.of("limits"), false, false);
    public static final ResourceType DEPLOYMENT =
            new ResourceType("apps", "v1", "Deployment", "deployments", true, List.of("deploy"), true, true);
    public static final ResourceType REPLICA_SET =
            new ResourceType("apps", "v1", "ReplicaSet", "replicasets", true, List.of("rs"), true, true);

    public static final ResourceType JOB = new ResourceType("batch", "v1", "Job", "jobs", true, List.of(), true, true);
    public static final ResourceType CUSTOM_RESOURCE_DEFINITION = new ResourceType("apiextensions.k8s.io", "v1",
            "CustomResourceDefinition", "customresourcedefinitions", false, List.of("crd", "crds"), false, true);
    public static final ResourceType STATEFUL_SET =
            new ResourceType("apps", "v1", "StatefulSet", "statefulsets", true, List.of("sts"), true, true);
    public static final ResourceType DAEMON_SET =
            new ResourceType("apps", "v1", "DaemonSet", "daemonsets", true, List.of("ds"), true, true);
    public static final ResourceType CONTROLLER_REVISION =
            new ResourceType("apps", "v1", "ControllerRevision", "controllerrevisions", true, List.of(), false, false);
    public static final ResourceType PERSISTENT_VOLUME_CLAIM =
            core("PersistentVolumeClaim", "persistentvolumeclaims", true, List.of("pvc"), false, true);
    public static final ResourceType PERSISTENT_VOLUME = core("PersistentVolume", "persistentvolumes", false, List.of("pv"), false, true);
    public static final ResourceType NODE = core("Node", "nodes", false, List.of("no"), false, true);
    public static final ResourceType STORAGE_CLASS =
            new ResourceType("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, List.of("sc"), false, false);
    public static final ResourceType PRIORITY_CLASS =
            new ResourceType("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false, List.of("pc"), false, false);

    private static final List<ResourceType> ALL = List.of(
            NAMESPACE, SECRET, CONFIG_MAP, SERVICE, SERVICE_ACCOUNT, POD, RESOURCE_QUOTA, LIMIT_RANGE,
            DEPLOYMENT, REPLICA_SET,
            PERSISTENT_VOLUME_CLAIM, PERSISTENT_VOLUME, NODE, STATEFUL_SET, DAEMON_SET, CONTROLLER_REVISION,
            new ResourceType("batch", "v1", "CronJob", "cronjobs", true, List.of("cj"), true, true),
            new ResourceType("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false, List.of(), false, false),
            STORAGE_CLASS, PRIORITY_CLASS,
            new ResourceType("rbac.authorization.k8s.io", "v1", "Role", "roles", true, List.of(), false, false),
            new ResourceType("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true, List.of(), false, false),
            new ResourceType("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false, List.of(), false, false),
            new ResourceType("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false,
                    List.of(), false, false),
            new ResourceType("networking.k8s.io", "v1", "Ingress", "ingresses", true, List.of("ing"), false, true),
            new ResourceType("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, List.of("netpol"), false, false),
            new ResourceType("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true,
                    List.of("hpa"), true, true),
            new ResourceType("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, List.of("pdb"), false, true),
            JOB,
            CUSTOM_RESOURCE_DEFINITION);

    /** The served versions of installed CRDs, by CRD name; replaced whole, so readers need no lock. */
    private volatile Map<String, List<ResourceType>> custom = Map.of();
    /** The built-in kinds then the custom ones, recomputed when a CRD changes: every request reads it. */
    private volatile List<ResourceType> all = ALL;

    ResourceCatalog() {}

    private static ResourceType core(String kind, String plural, boolean namespaced, List<String> shortNames,
            boolean inAll, boolean hasStatus) {
        return new ResourceType("", "v1", kind, plural, namespaced, shortNames, inAll, hasStatus);
    }

    /** Pods are only listed and watched: there is no kubelet, so nothing may create them. */
    public static boolean readOnly(ResourceType type) {
        return type.equals(POD);
    }

    /** Every kind this cluster serves: the built-in ones, then custom resources in CRD creation order. */
    public List<ResourceType> all() {
        return all;
    }

    public Optional<ResourceType> find(String group, String version, String plural) {
        return all().stream()
                .filter(t -> t.group().equals(group) && t.version().equals(version) && t.plural().equals(plural))
                .findFirst();
    }

    public Optional<ResourceType> byKind(String apiVersion, String kind) {
        return all().stream().filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind)).findFirst();
    }

    /**
     * One type per stored collection, for whoever walks every object (namespace deletion, garbage
     * collection): the versions of a CRD share their objects, so only its first served version is here.
     */
    public List<ResourceType> storedTypes() {
        Map<String, ResourceType> byKey = new LinkedHashMap<>();
        all().forEach(type -> byKey.putIfAbsent(type.key(), type));
        return List.copyOf(byKey.values());
    }

    /** Group name to its versions' resource types, in catalogue order; the core group is "". */
    public Map<String, List<ResourceType>> byGroup() {
        return all().stream().collect(Collectors.groupingBy(ResourceType::group, LinkedHashMap::new, Collectors.toList()));
    }

    /** The versions a CRD serves now, none when it is not installed. */
    List<ResourceType> served(String crdName) {
        return custom.getOrDefault(crdName, List.of());
    }

    /** Serves the given versions for a CRD, replacing what it served before (none when the list is empty). */
    synchronized void define(String crdName, List<ResourceType> versions) {
        Map<String, List<ResourceType>> next = new LinkedHashMap<>(custom);
        if (versions.isEmpty()) {
            next.remove(crdName);
        } else {
            next.put(crdName, List.copyOf(versions));
        }
        custom = Collections.unmodifiableMap(next);
        all = Stream.concat(ALL.stream(), next.values().stream().flatMap(List::stream)).toList();
    }
}
