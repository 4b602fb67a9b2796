package io.jenkins.plugins.kubedelivery.testcluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/** The controller's view of Deployments, ReplicaSets and namespaces, driven over plain HTTP. */
public class DeploymentControllerTest {
    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/team/deployments";

    @Rule
    public final TestCluster cluster = new TestCluster().readyAfter(Duration.ofMillis(200))
            .failAfter(Duration.ofMillis(400)).failImagesWithTag("bad");

    private final RawApi api = new RawApi(cluster);

    @Test
    public void aReadyRolloutHasOneReplicaSetPerTemplateAndFullStatus() {
        cluster.createNamespace("team");
        api.post(DEPLOYMENTS, deployment("api:1"));
        Awaits.until("ready", () -> condition("Progressing").equals("True/NewReplicaSetAvailable"));
        JsonNode status = deploymentJson().path("status");
        assertEquals(3, status.path("readyReplicas").asInt());
        assertEquals(3, status.path("availableReplicas").asInt());
        assertEquals(1, status.path("observedGeneration").asInt());
        assertEquals("True/MinimumReplicasAvailable", condition("Available"));
        api.put(DEPLOYMENTS + "/api", deployment("api:2"));
        Awaits.until("second rollout ready", () -> deploymentJson().at("/status/observedGeneration").asInt() == 2
                && condition("Progressing").equals("True/NewReplicaSetAvailable"));
        List<JsonNode> replicaSets = replicaSets();
        assertEquals(2, replicaSets.size());
        assertEquals("2", deploymentJson().at("/metadata/annotations/deployment.kubernetes.io~1revision").asText());
        for (JsonNode replicaSet : replicaSets) {
            boolean current = replicaSet.at("/spec/template/spec/containers/0/image").asText().equals("api:2");
            assertEquals(current ? 3 : 0, replicaSet.at("/status/readyReplicas").asInt());
            assertEquals("api", replicaSet.at("/metadata/ownerReferences/0/name").asText());
            assertEquals(replicaSet.at("/metadata/labels/pod-template-hash").asText(),
                    replicaSet.at("/spec/selector/matchLabels/pod-template-hash").asText());
        }
    }

    @Test
    public void imagesWithAFailingTagExceedTheProgressDeadline() {
        cluster.createNamespace("team");
        api.post(DEPLOYMENTS, deployment("api:bad"));
        Awaits.until("failed", () -> condition("Progressing").equals("False/ProgressDeadlineExceeded"));
        assertEquals(0, deploymentJson().at("/status/readyReplicas").asInt());
    }

    @Test
    public void deletingADeploymentCollectsItsReplicaSetsAndNamespacesCascade() {
        cluster.createNamespace("team");
        api.post(DEPLOYMENTS, deployment("api:1"));
        Awaits.until("replica set", () -> replicaSets().size() == 1);
        api.delete(DEPLOYMENTS + "/api");
        Awaits.until("replica sets collected", () -> replicaSets().isEmpty());
        api.post(DEPLOYMENTS, deployment("api:1"));
        api.post("/api/v1/namespaces/team/configmaps", "{\"metadata\":{\"name\":\"cfg\"}}");
        assertEquals(200, api.delete("/api/v1/namespaces/team").statusCode());
        Awaits.until("namespace gone", () -> api.get("/api/v1/namespaces/team").statusCode() == 404);
        assertFalse(cluster.object("v1", "ConfigMap", "team", "cfg").isPresent());
        assertFalse(cluster.object("apps/v1", "Deployment", "team", "api").isPresent());
    }

    private String condition(String type) {
        for (JsonNode condition : deploymentJson().path("status").path("conditions")) {
            if (condition.path("type").asText().equals(type)) {
                return condition.path("status").asText() + "/" + condition.path("reason").asText();
            }
        }
        return "none";
    }

    private JsonNode deploymentJson() {
        return RawApi.json(api.get(DEPLOYMENTS + "/api"));
    }

    private List<JsonNode> replicaSets() {
        List<JsonNode> items = new ArrayList<>();
        RawApi.json(api.get("/apis/apps/v1/namespaces/team/replicasets")).path("items").forEach(items::add);
        return items;
    }

    private static String deployment(String image) {
        return "{\"metadata\":{\"name\":\"api\"},\"spec\":{\"replicas\":3,\"selector\":{\"matchLabels\":{\"app\":\"api\"}},"
                + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"api\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"api\",\"image\":\"" + image + "\"}]}}}}";
    }
}
