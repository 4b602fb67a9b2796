package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

/**
 * A stand-in dynamic provisioner and binder: a Pending PersistentVolumeClaim whose StorageClass
 * exists (the default one when it names none) gets a PersistentVolume {@code pvc-<uid>} and is
 * Bound once it is older than the ready delay; with {@code volumeBindingMode:
 * WaitForFirstConsumer} only once a Pod uses it. A claim naming a missing class stays Pending, as
 * on a real cluster. Volumes of deleted claims are deleted (reclaim policy Delete) or Released.
 */
final class VolumeBinder implements ControllerLoop.Controller {
    static final String DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

    private final ObjectStore store;
    private final Rollouts rollouts;
    private final PodClock clock;

    VolumeBinder(ObjectStore store, Rollouts rollouts) {
        this.store = store;
        this.rollouts = rollouts;
        this.clock = new PodClock(rollouts);
    }

    @Override
    public void reconcile() {
        Set<String> claimUids = new HashSet<>();
        for (ObjectNode claim : store.list(ResourceCatalog.PERSISTENT_VOLUME_CLAIM, null)) {
            claimUids.add(Json.text(claim, "metadata.uid"));
            if (!"Bound".equals(Json.text(claim, "status.phase"))) {
                bindIfPossible(claim);
            }
        }
        for (ObjectNode volume : store.list(ResourceCatalog.PERSISTENT_VOLUME, null)) {
            String claimUid = Json.text(volume, "spec.claimRef.uid");
            if (claimUid != null && !claimUids.contains(claimUid)) {
                reclaim(volume);
            }
        }
    }

    private void bindIfPossible(ObjectNode claim) {
        ObjectNode storageClass = storageClass(claim);
        if (storageClass == null || !clock.ready(Json.text(claim, "metadata.uid"), false)) {
            return;
        }
        if ("WaitForFirstConsumer".equals(Json.text(storageClass, "volumeBindingMode")) && !consumed(claim)) {
            return;
        }
        String volumeName = "pvc-" + Json.text(claim, "metadata.uid");
        if (store.get(ResourceCatalog.PERSISTENT_VOLUME, null, volumeName) == null) {
            store.create(ResourceCatalog.PERSISTENT_VOLUME, volumeFor(claim, storageClass, volumeName));
        }
        ObjectNode spec = Json.child(claim, "spec");
        spec.put("volumeName", volumeName).put("storageClassName", Json.text(storageClass, "metadata.name"));
        Json.child(Json.child(claim, "metadata"), "annotations").put("pv.kubernetes.io/bind-completed", "yes")
                .put("pv.kubernetes.io/bound-by-controller", "yes")
                .put("volume.kubernetes.io/storage-provisioner", Json.text(storageClass, "provisioner"));
        ObjectNode status = claim.putObject("status");
        status.put("phase", "Bound");
        status.set("accessModes", spec.path("accessModes").deepCopy());
        status.putObject("capacity").put("storage", spec.path("resources").path("requests").path("storage").asText("1Gi"));
        store.replace(ResourceCatalog.PERSISTENT_VOLUME_CLAIM, claim);
    }

    /** The claim's StorageClass: the one it names, else the default one; null when there is none. */
    private ObjectNode storageClass(JsonNode claim) {
        String named = Json.text(claim, "spec.storageClassName");
        if (named != null) {
            return named.isEmpty() ? null : store.get(ResourceCatalog.STORAGE_CLASS, null, named);
        }
        for (ObjectNode candidate : store.list(ResourceCatalog.STORAGE_CLASS, null)) {
            if ("true".equals(candidate.path("metadata").path("annotations").path(DEFAULT_CLASS_ANNOTATION).asText())) {
                return candidate;
            }
        }
        return null;
    }

    private boolean consumed(JsonNode claim) {
        String name = Json.text(claim, "metadata.name");
        for (ObjectNode pod : store.list(ResourceCatalog.POD, Json.text(claim, "metadata.namespace"))) {
            for (JsonNode volume : pod.path("spec").path("volumes")) {
                if (name.equals(Json.text(volume, "persistentVolumeClaim.claimName"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ObjectNode volumeFor(ObjectNode claim, ObjectNode storageClass, String name) {
        ObjectNode volume = Json.object();
        volume.put("apiVersion", "v1").put("kind", "PersistentVolume");
        ObjectNode metadata = volume.putObject("metadata");
        metadata.put("name", name);
        metadata.putObject("annotations").put("pv.kubernetes.io/provisioned-by", Json.text(storageClass, "provisioner"));
        ObjectNode spec = volume.putObject("spec");
        spec.set("accessModes", claim.path("spec").path("accessModes").deepCopy());
        spec.putObject("capacity").put("storage",
                claim.path("spec").path("resources").path("requests").path("storage").asText("1Gi"));
        spec.putObject("claimRef").put("apiVersion", "v1").put("kind", "PersistentVolumeClaim")
                .put("namespace", Json.text(claim, "metadata.namespace")).put("name", Json.text(claim, "metadata.name"))
                .put("uid", Json.text(claim, "metadata.uid"));
        spec.put("persistentVolumeReclaimPolicy", storageClass.path("reclaimPolicy").asText("Delete"));
        spec.put("storageClassName", Json.text(storageClass, "metadata.name"));
        spec.put("volumeMode", claim.path("spec").path("volumeMode").asText("Filesystem"));
        spec.putObject("hostPath").put("path", "/var/testcluster/" + name);
        volume.putObject("status").put("phase", "Bound");
        return volume;
    }

    private void reclaim(ObjectNode volume) {
        String name = Json.text(volume, "metadata.name");
        if ("Delete".equals(Json.text(volume, "spec.persistentVolumeReclaimPolicy"))) {
            store.delete(ResourceCatalog.PERSISTENT_VOLUME, null, name);
        } else if (!"Released".equals(Json.text(volume, "status.phase"))) {
            Json.child(volume, "status").put("phase", "Released");
            store.replace(ResourceCatalog.PERSISTENT_VOLUME, volume);
        }
    }
}
