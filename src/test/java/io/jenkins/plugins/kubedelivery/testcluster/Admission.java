package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The defaults a real API server fills in on writes that clients depend on: a Service's cluster IP
 * (helm 3 waits for it), Deployment strategy fields, a Namespace's phase and name label, a Secret's
 * type and folded {@code stringData}. Clients cannot set a status on create, and the status of
 * the live object survives writes to the main resource. Then the kinds with validation rules
 * here (RBAC) are validated, as the real server validates after its mutating admission.
 */
final class Admission {
    private final AtomicInteger nextClusterIp = new AtomicInteger(10);

    /** Fills defaults into {@code object}; {@code live} is the stored object on update, else null. */
    void admit(ResourceType type, ObjectNode object, ObjectNode live, boolean statusWrite) {
        Json.dropNulls(object);
        object.put("apiVersion", type.apiVersion());
        object.put("kind", type.kind());
        if (live == null && type.hasStatus()) {
            object.remove("status");
        } else if (live != null && type.hasStatus()) {
            if (statusWrite) {
                JsonNode status = object.get("status");
                object.setAll((ObjectNode) live.deepCopy().without("status"));
                object.set("status", status);
            } else if (live.has("status")) {
                object.set("status", live.get("status").deepCopy());
            } else {
                object.remove("status");
            }
        }
        if (live != null && live.path("metadata").has("deletionTimestamp")) {
            // Only deletion sets it, and no write takes it away.
            Json.child(object, "metadata").set("deletionTimestamp", live.path("metadata").get("deletionTimestamp"));
        }
        switch (type.kind()) {
            case "Namespace" -> admitNamespace(object);
            case "Secret" -> admitSecret(object);
            case "Service" -> admitService(object, live);
            case "Deployment" -> admitDeployment(object);
            case "StatefulSet" -> WorkloadDefaults.statefulSet(object);
            case "DaemonSet" -> WorkloadDefaults.daemonSet(object);
            case "CronJob" -> WorkloadDefaults.cronJob(object);
            case "PersistentVolumeClaim", "PersistentVolume" -> {
                if (live == null) {
                    Json.child(object, "status").put("phase", type.kind().equals("PersistentVolume") ? "Available" : "Pending");
                }
            }
            default -> { }
        }
        RbacValidation.validate(type, object, live);
    }

    private static void admitNamespace(ObjectNode namespace) {
        String name = Json.text(namespace, "metadata.name");
        Json.child(Json.child(namespace, "metadata"), "labels").put("kubernetes.io/metadata.name", name);
        Json.child(namespace, "spec").set("finalizers", Json.array().add("kubernetes"));
        ObjectNode status = Json.child(namespace, "status");
        if (!status.hasNonNull("phase")) {
            status.put("phase", "Active");
        }
    }

    private static void admitSecret(ObjectNode secret) {
        if (!secret.hasNonNull("type")) {
            secret.put("type", "Opaque");
        }
        JsonNode stringData = secret.remove("stringData");
        if (stringData instanceof ObjectNode) {
            ObjectNode data = Json.child(secret, "data");
            stringData.fields().forEachRemaining(entry -> data.put(entry.getKey(),
                    Base64.getEncoder().encodeToString(entry.getValue().asText().getBytes(StandardCharsets.UTF_8))));
        }
    }

    private void admitService(ObjectNode service, ObjectNode live) {
        ObjectNode spec = Json.child(service, "spec");
        if (!spec.hasNonNull("type")) {
            spec.put("type", "ClusterIP");
        }
        spec.put("sessionAffinity", spec.path("sessionAffinity").asText("None"));
        String liveIp = live == null ? null : Json.text(live, "spec.clusterIP");
        String ip = liveIp != null ? liveIp : spec.hasNonNull("clusterIP") ? spec.get("clusterIP").asText() : allocateIp();
        spec.put("clusterIP", ip);
        spec.set("clusterIPs", Json.array().add(ip));
        for (JsonNode port : spec.path("ports")) {
            ObjectNode p = (ObjectNode) port;
            if (!p.hasNonNull("protocol")) {
                p.put("protocol", "TCP");
            }
            if (!p.hasNonNull("targetPort")) {
                p.set("targetPort", p.get("port"));
            }
        }
    }

    private String allocateIp() {
        int n = nextClusterIp.getAndIncrement();
        return "10.96." + (n / 250) + "." + (n % 250 + 1);
    }

    private static void admitDeployment(ObjectNode deployment) {
        ObjectNode spec = Json.child(deployment, "spec");
        if (!spec.hasNonNull("replicas")) {
            spec.put("replicas", 1);
        }
        if (!spec.hasNonNull("revisionHistoryLimit")) {
            spec.put("revisionHistoryLimit", 10);
        }
        if (!spec.hasNonNull("progressDeadlineSeconds")) {
            spec.put("progressDeadlineSeconds", 600);
        }
        ObjectNode strategy = Json.child(spec, "strategy");
        if (!strategy.hasNonNull("type")) {
            strategy.put("type", "RollingUpdate");
        }
        if (strategy.path("type").asText().equals("RollingUpdate")) {
            ObjectNode rolling = Json.child(strategy, "rollingUpdate");
            if (!rolling.has("maxUnavailable")) {
                rolling.put("maxUnavailable", "25%");
            }
            if (!rolling.has("maxSurge")) {
                rolling.put("maxSurge", "25%");
            }
        }
        for (JsonNode container : spec.path("template").path("spec").path("containers")) {
            if (!container.hasNonNull("imagePullPolicy") && container instanceof ObjectNode) {
                String image = container.path("image").asText();
                ((ObjectNode) container).put("imagePullPolicy", image.endsWith(":latest") || !image.contains(":")
                        ? "Always" : "IfNotPresent");
            }
        }
    }
}
