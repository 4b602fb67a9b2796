package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The cluster-scoped objects a fresh cluster has before anyone writes: Ready stand-in Nodes, a
 * default StorageClass {@code standard} (binding Immediate) and the two system PriorityClasses.
 */
final class StandInObjects {
    private StandInObjects() {}

    static void create(ObjectStore store, List<String> nodeNames) {
        nodeNames.forEach(name -> store.create(ResourceCatalog.NODE, node(name)));
        store.create(ResourceCatalog.STORAGE_CLASS, storageClass());
        store.create(ResourceCatalog.PRIORITY_CLASS, priorityClass("system-cluster-critical", 2000000000));
        store.create(ResourceCatalog.PRIORITY_CLASS, priorityClass("system-node-critical", 2000001000));
    }

    private static ObjectNode node(String name) {
        ObjectNode node = Json.object();
        node.put("apiVersion", "v1").put("kind", "Node");
        ObjectNode labels = node.putObject("metadata").put("name", name).putObject("labels");
        labels.put("kubernetes.io/hostname", name).put("kubernetes.io/os", "linux").put("kubernetes.io/arch", "amd64");
        node.putObject("spec").put("podCIDR", "10.244.0.0/24");
        ObjectNode status = node.putObject("status");
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        status.putArray("conditions").addObject().put("type", "Ready").put("status", "True")
                .put("reason", "KubeletReady").put("message", "kubelet is posting ready status")
                .put("lastHeartbeatTime", now).put("lastTransitionTime", now);
        status.putArray("addresses").addObject().put("type", "Hostname").put("address", name);
        ObjectNode capacity = status.putObject("capacity").put("cpu", "8").put("memory", "32Gi").put("pods", "110");
        status.set("allocatable", capacity.deepCopy());
        status.putObject("nodeInfo").put("kubeletVersion", "v1." + Discovery.SERVER_MINOR + ".0")
                .put("operatingSystem", "linux").put("architecture", "amd64")
                .put("containerRuntimeVersion", "containerd://2.0.0");
        return node;
    }

    private static ObjectNode storageClass() {
        ObjectNode storageClass = Json.object();
        storageClass.put("apiVersion", "storage.k8s.io/v1").put("kind", "StorageClass");
        storageClass.putObject("metadata").put("name", "standard").putObject("annotations")
                .put(VolumeBinder.DEFAULT_CLASS_ANNOTATION, "true");
        storageClass.put("provisioner", "testcluster.io/stand-in").put("reclaimPolicy", "Delete")
                .put("volumeBindingMode", "Immediate");
        return storageClass;
    }

    private static ObjectNode priorityClass(String name, int value) {
        ObjectNode priorityClass = Json.object();
        priorityClass.put("apiVersion", "scheduling.k8s.io/v1").put("kind", "PriorityClass");
        priorityClass.putObject("metadata").put("name", name);
        priorityClass.put("value", value).put("globalDefault", false).put("preemptionPolicy", "PreemptLowerPriority")
                .put("description", "Used for system critical pods that must run in the cluster.");
        return priorityClass;
    }
}
