package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Server-side printing ({@code Accept: ...;as=Table}) for the common kinds, so that plain
 * {@code kubectl get} prints the columns a real cluster prints; other kinds get NAME and AGE.
 */
final class Tables {
    private record Column(String name, String type, Function<JsonNode, Object> cell) {}

    private Tables() {}

    static ObjectNode table(ResourceType type, List<ObjectNode> objects, long resourceVersion, String includeObject) {
        List<Column> columns = columns(type.kind());
        ObjectNode table = Json.object();
        table.put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", Long.toString(resourceVersion));
        ArrayNode definitions = table.putArray("columnDefinitions");
        for (Column column : columns) {
            definitions.addObject().put("name", column.name()).put("type", column.type())
                    .put("format", column.name().equals("Name") ? "name" : "").put("description", column.name())
                    .put("priority", 0);
        }
        ArrayNode rows = table.putArray("rows");
        for (ObjectNode object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            columns.forEach(column -> cells.add(Json.MAPPER.valueToTree(column.cell().apply(object))));
            if (!"None".equals(includeObject)) {
                row.set("object", "Object".equals(includeObject) ? object : partialMetadata(object));
            }
        }
        return table;
    }

    private static ObjectNode partialMetadata(ObjectNode object) {
        ObjectNode partial = Json.object();
        partial.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", object.get("metadata"));
        return partial;
    }

    private static List<Column> columns(String kind) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("Name", "string", o -> Json.text(o, "metadata.name")));
        switch (kind) {
            case "Deployment" -> {
                columns.add(new Column("Ready", "string", o -> o.path("status").path("readyReplicas").asInt()
                        + "/" + o.path("spec").path("replicas").asInt()));
                columns.add(new Column("Up-to-date", "integer", o -> o.path("status").path("updatedReplicas").asInt()));
                columns.add(new Column("Available", "integer", o -> o.path("status").path("availableReplicas").asInt()));
            }
            case "ReplicaSet" -> {
                columns.add(new Column("Desired", "integer", o -> o.path("spec").path("replicas").asInt()));
                columns.add(new Column("Current", "integer", o -> o.path("status").path("replicas").asInt()));
                columns.add(new Column("Ready", "integer", o -> o.path("status").path("readyReplicas").asInt()));
            }
            case "Pod" -> {
                columns.add(new Column("Ready", "string", Tables::podReady));
                columns.add(new Column("Status", "string", Tables::podStatus));
                columns.add(new Column("Restarts", "string", o -> "0"));
            }
            case "Service" -> {
                columns.add(new Column("Type", "string", o -> Json.text(o, "spec.type")));
                columns.add(new Column("Cluster-IP", "string", o -> Json.text(o, "spec.clusterIP")));
                columns.add(new Column("External-IP", "string", o -> "<none>"));
                columns.add(new Column("Port(s)", "string", Tables::servicePorts));
            }
            case "StatefulSet" -> columns.add(new Column("Ready", "string", o -> o.path("status").path("readyReplicas").asInt()
                    + "/" + o.path("spec").path("replicas").asInt()));
            case "DaemonSet" -> {
                for (String[] column : new String[][] {{"Desired", "desiredNumberScheduled"},
                        {"Current", "currentNumberScheduled"}, {"Ready", "numberReady"},
                        {"Up-to-date", "updatedNumberScheduled"}, {"Available", "numberAvailable"}}) {
                    columns.add(new Column(column[0], "integer", o -> o.path("status").path(column[1]).asInt()));
                }
                columns.add(new Column("Node Selector", "string", Tables::nodeSelector));
            }
            case "PersistentVolumeClaim" -> {
                columns.add(new Column("Status", "string", o -> Json.text(o, "status.phase")));
                columns.add(new Column("Volume", "string", o -> o.path("spec").path("volumeName").asText("")));
                columns.add(new Column("Capacity", "string", o -> o.path("status").path("capacity").path("storage").asText("")));
                columns.add(new Column("Access Modes", "string", Tables::accessModes));
                columns.add(new Column("StorageClass", "string", o -> o.path("spec").path("storageClassName").asText("<unset>")));
                columns.add(new Column("VolumeAttributesClass", "string", o -> "<unset>"));
            }
            case "Node" -> {
                columns.add(new Column("Status", "string", o -> "Ready"));
                columns.add(new Column("Roles", "string", o -> "<none>"));
            }
            case "RoleBinding", "ClusterRoleBinding" -> columns.add(new Column("Role", "string",
                    o -> Json.text(o, "roleRef.kind") + "/" + Json.text(o, "roleRef.name")));
            case "Namespace" -> columns.add(new Column("Status", "string", o -> Json.text(o, "status.phase")));
            case "ConfigMap" -> columns.add(new Column("Data", "integer", o -> o.path("data").size()
                    + o.path("binaryData").size()));
            case "Secret" -> {
                columns.add(new Column("Type", "string", o -> Json.text(o, "type")));
                columns.add(new Column("Data", "integer", o -> o.path("data").size()));
            }
            default -> { }
        }
        columns.add(new Column("Age", "string", o -> age(Json.text(o, "metadata.creationTimestamp"))));
        if (kind.equals("Node")) {
            columns.add(new Column("Version", "string", o -> Json.text(o, "status.nodeInfo.kubeletVersion")));
        }
        return columns;
    }

    private static String nodeSelector(JsonNode daemonSet) {
        List<String> pairs = new ArrayList<>();
        daemonSet.path("spec").path("template").path("spec").path("nodeSelector").properties()
                .forEach(entry -> pairs.add(entry.getKey() + "=" + entry.getValue().asText()));
        return pairs.isEmpty() ? "<none>" : String.join(",", pairs);
    }

    /** Access modes as kubectl abbreviates them: RWO, ROX, RWX, RWOP. */
    private static String accessModes(JsonNode claim) {
        List<String> modes = new ArrayList<>();
        for (JsonNode mode : claim.path("status").path("accessModes")) {
            modes.add(switch (mode.asText()) {
                case "ReadWriteOnce" -> "RWO";
                case "ReadOnlyMany" -> "ROX";
                case "ReadWriteMany" -> "RWX";
                case "ReadWriteOncePod" -> "RWOP";
                default -> mode.asText();
            });
        }
        return String.join(",", modes);
    }

    private static String podReady(JsonNode pod) {
        int total = pod.path("spec").path("containers").size();
        int ready = 0;
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            ready += status.path("ready").asBoolean() ? 1 : 0;
        }
        return ready + "/" + total;
    }

    /** The phase, or the reason a container waits, as kubectl shows ImagePullBackOff. */
    private static String podStatus(JsonNode pod) {
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            String waiting = status.path("state").path("waiting").path("reason").asText("");
            if (!waiting.isEmpty()) {
                return waiting;
            }
        }
        return pod.path("status").path("phase").asText("Pending");
    }

    private static String servicePorts(JsonNode service) {
        List<String> ports = new ArrayList<>();
        for (JsonNode port : service.path("spec").path("ports")) {
            ports.add(port.path("port").asText() + "/" + port.path("protocol").asText("TCP"));
        }
        return ports.isEmpty() ? "<none>" : String.join(",", ports);
    }

    /** An age the way kubectl prints one: 45s, 3m12s, 17m, 5h, 3d. */
    static String age(String timestamp) {
        if (timestamp == null) {
            return "<unknown>";
        }
        long seconds = Math.max(0, Duration.between(Instant.parse(timestamp), Instant.now()).getSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 600) {
            return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
        }
        if (seconds < 3 * 3600) {
            return seconds / 60 + "m";
        }
        return seconds < 48 * 3600 ? seconds / 3600 + "h" : seconds / 86400 + "d";
    }
}
