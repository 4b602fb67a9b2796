package io.jenkins.plugins.kubedelivery.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackService;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployResult;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackResult;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.Resources;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * The test cluster's fixture charts (src/test/resources/testcluster/charts), written the way
 * published charts are, install, upgrade and roll back through the deployService and
 * rollbackService engine with the real helm 3 and 4.
 */
@RunWith(Parameterized.class)
public class FixtureChartsE2ETest {
    private static final String NAMESPACE = "stage";
    /** Where the charts go in the workspace: apart from the monorepo's helm/ folder, whose services they are not. */
    private static final String CHARTS = "testcluster-charts";

    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster();

    private final String helmVersion;
    private EnginePorts ports;
    private ClusterTarget target;

    public FixtureChartsE2ETest(String helmVersion) {
        this.helmVersion = helmVersion;
    }

    @Parameters(name = "helm {0}")
    public static Collection<Object[]> versions() {
        return Tools.helmParameters();
    }

    @Before
    public void connect() throws Exception {
        cluster.createNamespace(NAMESPACE);
        EngineFixture.copy(Resources.path("testcluster/charts"), fixture.workspace().resolve(CHARTS));
        ports = fixture.livePorts(cluster, helmVersion);
        target = EngineFixture.target(cluster);
    }

    @Test
    public void aChartWithItsOwnCrdHooksAndATestPod() throws Exception {
        DeployResult installed = deploy("widgets", "1.0", Map.of());
        assertEquals(1, installed.revision());
        assertEquals("crds/ installed and established", "Established True", condition(object("apiextensions.k8s.io/v1",
                "CustomResourceDefinition", null, "widgets.example.org"), 1));
        JsonNode widget = object("example.org/v1", "Widget", NAMESPACE, "widgets");
        assertEquals("small", widget.at("/spec/size").asText());
        assertEquals("registry.example.com/shop/widgets:1.0", widget.at("/spec/image").asText());
        String firstMigration = object("batch/v1", "Job", NAMESPACE, "widgets-migrate").at("/metadata/uid").asText();
        assertEquals("registry.example.com/shop/widgets:1.0",
                object("v1", "ConfigMap", NAMESPACE, "widgets-installed").at("/data/image").asText());
        assertFalse("test hooks run on helm test only",
                cluster.object("v1", "Pod", NAMESPACE, "widgets-smoke-test").isPresent());

        DeployResult upgraded = deploy("widgets", "1.1", Map.of("widget", Map.of("size", "large")));
        assertEquals(2, upgraded.revision());
        widget = object("example.org/v1", "Widget", NAMESPACE, "widgets");
        assertEquals("large", widget.at("/spec/size").asText());
        assertEquals("registry.example.com/shop/widgets:1.1", widget.at("/spec/image").asText());
        assertNotEquals("pre-upgrade re-ran the migration", firstMigration,
                object("batch/v1", "Job", NAMESPACE, "widgets-migrate").at("/metadata/uid").asText());
        assertEquals("post-install ran once", "registry.example.com/shop/widgets:1.0",
                object("v1", "ConfigMap", NAMESPACE, "widgets-installed").at("/data/image").asText());

        RollbackResult back = rollback("widgets");
        assertEquals(3, back.revision());
        widget = object("example.org/v1", "Widget", NAMESPACE, "widgets");
        assertEquals("small", widget.at("/spec/size").asText());
        assertEquals("registry.example.com/shop/widgets:1.0", widget.at("/spec/image").asText());
        assertEquals("registry.example.com/shop/widgets:1.0", object("apps/v1", "Deployment", NAMESPACE, "widgets")
                .at("/spec/template/spec/containers/0/image").asText());
    }

    @Test
    public void aStatefulChartWithRbacAClaimTemplateADaemonSetAndAClaim() throws Exception {
        DeployResult installed = deploy("journal", "1.0", Map.of());
        assertEquals(1, installed.revision());
        assertEquals("journal", object("rbac.authorization.k8s.io/v1", "RoleBinding", NAMESPACE, "journal-leader-election")
                .at("/subjects/0/name").asText());
        assertEquals("journal-leader-election", object("rbac.authorization.k8s.io/v1", "RoleBinding", NAMESPACE,
                "journal-leader-election").at("/roleRef/name").asText());
        assertEquals("stage-journal-node-reader", object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", null,
                "stage-journal-node-reader").at("/roleRef/name").asText());
        JsonNode statefulSet = object("apps/v1", "StatefulSet", NAMESPACE, "journal");
        assertEquals("--wait saw every replica ready", 2, statefulSet.at("/status/readyReplicas").asInt());
        assertEquals("Bound", object("v1", "PersistentVolumeClaim", NAMESPACE, "data-journal-1").at("/status/phase").asText());
        assertEquals("Bound", object("v1", "PersistentVolumeClaim", NAMESPACE, "journal-cache").at("/status/phase").asText());
        assertEquals(1, object("apps/v1", "DaemonSet", NAMESPACE, "journal-log-agent").at("/status/numberReady").asInt());

        DeployResult upgraded = deploy("journal", "1.1", Map.of("replicaCount", 3));
        assertEquals(2, upgraded.revision());
        statefulSet = object("apps/v1", "StatefulSet", NAMESPACE, "journal");
        assertEquals("registry.example.com/shop/journal:1.1", statefulSet.at("/spec/template/spec/containers/0/image").asText());
        assertEquals(3, statefulSet.at("/status/updatedReplicas").asInt());
        assertEquals("Bound", object("v1", "PersistentVolumeClaim", NAMESPACE, "data-journal-2").at("/status/phase").asText());
        assertEquals("registry.example.com/shop/journal:1.1", object("apps/v1", "DaemonSet", NAMESPACE, "journal-log-agent")
                .at("/spec/template/spec/containers/0/env/0/value").asText());

        RollbackResult back = rollback("journal");
        assertEquals(3, back.revision());
        statefulSet = object("apps/v1", "StatefulSet", NAMESPACE, "journal");
        assertEquals("registry.example.com/shop/journal:1.0", statefulSet.at("/spec/template/spec/containers/0/image").asText());
        assertEquals(2, statefulSet.at("/spec/replicas").asInt());
        assertEquals("claims outlive a scale-down, as with the Retain policy", "Bound",
                object("v1", "PersistentVolumeClaim", NAMESPACE, "data-journal-2").at("/status/phase").asText());
    }

    private DeployResult deploy(String service, String tag, Map<String, Object> values) throws InterruptedException {
        DeployRequest request = DeployRequest.builder(service, NAMESPACE).chart(CHARTS + "/" + service).imageTag(tag)
                .values(values).timeout(Duration.ofSeconds(30)).build();
        return new DeployService(ports, target, service + " » main #" + tag).run(request);
    }

    private RollbackResult rollback(String service) throws InterruptedException {
        return new RollbackService(ports, target, service + " » rollback").run(new RollbackRequest(service, NAMESPACE, null, null, 0,
                Duration.ofSeconds(30), true));
    }

    private static String condition(JsonNode object, int index) {
        JsonNode condition = object.at("/status/conditions/" + index);
        return condition.path("type").asText() + " " + condition.path("status").asText();
    }

    private JsonNode object(String apiVersion, String kind, String namespace, String name) {
        return cluster.object(apiVersion, kind, namespace, name)
                .orElseThrow(() -> new AssertionError(kind + " " + name + " missing"));
    }
}
