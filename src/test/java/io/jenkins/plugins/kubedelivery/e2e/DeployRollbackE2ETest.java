package io.jenkins.plugins.kubedelivery.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackService;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployResult;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackResult;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.OutputRecorder;
import io.jenkins.plugins.kubedelivery.testsupport.SecretScan;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** deployService and rollbackService end to end: the real helm 3 and 4 against the simulated cluster. */
@RunWith(Parameterized.class)
public class DeployRollbackE2ETest {
    private static final String DB_KEY = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5\n-----END EC PRIVATE KEY-----";
    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster();
    @Rule
    public final SecretScan scan = new SecretScan();

    private final String helmVersion;
    private EnginePorts ports;
    private ClusterTarget target;

    public DeployRollbackE2ETest(String helmVersion) {
        this.helmVersion = helmVersion;
    }

    @Parameters(name = "helm {0}")
    public static Collection<Object[]> versions() {
        return Tools.helmParameters();
    }

    @Before
    public void connect() {
        cluster.createNamespace("stage");
        ports = fixture.livePorts(cluster, helmVersion);
        target = EngineFixture.target(cluster);
    }

    private DeployResult deploy(String tag) throws Exception {
        return deploy(request(tag).build());
    }

    /** Every deploy hands the chart a database key as a secret value; the scan looks for it everywhere afterwards. */
    private DeployRequest.Builder request(String tag) {
        return DeployRequest.builder("payments", "stage").imageTag(tag).timeout(Duration.ofSeconds(20))
                .secretValues(Map.of("db.key", scan.secret(DB_KEY)));
    }

    private DeployResult deploy(DeployRequest request) throws Exception {
        return OutputRecorder.call(() -> new DeployService(ports, target, "payments » main #" + request.imageTag()).run(request));
    }

    private RollbackResult rollback(int toRevision) throws Exception {
        return OutputRecorder.call(() -> new RollbackService(ports, target, "payments » rollback")
                .run(new RollbackRequest("payments", "stage", null, null, toRevision, Duration.ofSeconds(20), true)));
    }

    private String runningImage() {
        return cluster.object("apps/v1", "Deployment", "stage", "payments").orElseThrow()
                .at("/spec/template/spec/containers/0/image").asText();
    }

    @Test
    public void installUpgradeAndRollBack() throws Exception {
        DeployResult first = deploy("1.0");
        assertEquals(1, first.revision());
        assertEquals(null, first.previousRevision());
        assertEquals("deployed", first.status());
        assertEquals("0.3.1", first.chartVersion());
        assertEquals("registry.example.com/shop/payments:1.0", runningImage());
        assertEquals(2, cluster.object("apps/v1", "Deployment", "stage", "payments").orElseThrow().at("/spec/replicas").asInt());

        DeployResult second = deploy("1.1");
        assertEquals(2, second.revision());
        assertEquals(Integer.valueOf(1), second.previousRevision());
        assertEquals("registry.example.com/shop/payments:1.1", runningImage());

        RollbackResult back = rollback(0);
        assertEquals(2, back.fromRevision());
        assertEquals(1, back.toRevision());
        assertEquals(3, back.revision());
        assertEquals("registry.example.com/shop/payments:1.0", runningImage());
    }

    /** helm 3 and 4 both take --description on upgrade --install and record it with the revision. */
    @Test
    public void theDescriptionLandsInTheReleaseHistoryAndTheLog() throws Exception {
        deploy("1.0");
        deploy(request("1.1").description("Release 1.1 (PR 42: faster checkout) by ana").build());

        List<ReleaseRevision> history = new HelmClient(ports.runner(), ports.helm(), target).history("payments", "stage", 10);
        assertEquals(List.of(1, 2), history.stream().map(ReleaseRevision::revision).toList());
        assertEquals("Release 1.1 (PR 42: faster checkout) by ana", history.get(1).description());
        assertTrue("helm's own description without one", !history.get(0).description().contains("ana"));
        assertTrue(fixture.logText(), fixture.logText().contains("description: Release 1.1 (PR 42: faster checkout) by ana"));
    }

    @Test
    public void aFailedUpgradeRollsBackByItselfAndSaysSo() throws Exception {
        deploy("1.0");
        cluster.failImagesWithTag("broken");
        EngineException e = assertThrows(EngineException.class, () -> deploy(request("broken")
                .timeout(Duration.ofSeconds(8)).build()));
        assertTrue(e.getMessage(), e.getMessage().startsWith("helm upgrade exited 1: "));
        assertTrue(e.getMessage(), e.getMessage().contains("Rolled back automatically: revision 3 now runs the content of revision 1."));
        assertEquals("registry.example.com/shop/payments:1.0", runningImage());
    }

    @Test
    public void aFirstInstallThatCreatedNothingSaysSoInsteadOfClaimingARemoval() throws Exception {
        Path chart = fixture.workspace().resolve("helm/payments");
        Files.writeString(chart.resolve("templates/refusal.yaml"), "{{ fail \"these values are refused\" }}\n");
        EngineException invalid = assertThrows(EngineException.class, () -> deploy("1.0"));
        assertTrue(invalid.getMessage(), invalid.getMessage().contains("these values are refused"));
        assertTrue(invalid.getMessage(), invalid.getMessage().endsWith("Nothing was installed: helm stopped before creating the release."));

        Files.delete(chart.resolve("templates/refusal.yaml"));
        Files.writeString(chart.resolve("Chart.yaml"), Files.readString(chart.resolve("Chart.yaml"))
                + "dependencies:\n- name: cache\n  version: 1.0.0\n  repository: https://charts.example.invalid\n");
        EngineException missing = assertThrows(EngineException.class, () -> deploy("1.0"));
        assertTrue(missing.getMessage(), missing.getMessage().contains("cache"));
        assertTrue(missing.getMessage(), missing.getMessage().endsWith("Nothing was installed: helm stopped before creating the release."));
        assertTrue(cluster.object("apps/v1", "Deployment", "stage", "payments").isEmpty());
    }

    @Test
    public void aFailedFirstInstallThatHelmRemovedSaysSo() throws Exception {
        cluster.failImagesWithTag("broken");
        EngineException e = assertThrows(EngineException.class, () -> deploy(DeployRequest.builder("payments", "stage")
                .imageTag("broken").timeout(Duration.ofSeconds(6)).build()));
        assertTrue(e.getMessage(), e.getMessage().endsWith("Nothing is left installed: helm removed the failed first install (atomic)."));
        assertTrue(cluster.object("apps/v1", "Deployment", "stage", "payments").isEmpty());
    }

    @Test
    public void aStuckReleaseIsReportedThenRecovered() throws Exception {
        deploy("1.0");
        deploy("1.1");
        cluster.leaveReleasePending("stage", "payments");
        EngineException e = assertThrows(EngineException.class, () -> deploy("1.2"));
        assertTrue(e.getMessage(), e.getMessage().contains("is stuck in pending-upgrade (revision 2"));
        assertTrue(e.getMessage(), e.getMessage().contains("or run: rollbackService(service: 'payments', environment: 'stage', toRevision: 1)"));

        DeployResult recovered = deploy(request("1.2").recoverStuckRelease(true).build());
        assertEquals(4, recovered.revision());
        assertEquals(Integer.valueOf(3), recovered.previousRevision());
        assertEquals("registry.example.com/shop/payments:1.2", runningImage());
    }

    @Test
    public void twoDeploysOfOneReleaseNeverOverlap() throws Exception {
        ConcurrentLinkedQueue<Object> outcomes = new ConcurrentLinkedQueue<>();
        List<Thread> threads = List.of("2.0", "2.1").stream().map(tag -> new Thread(() -> {
            try {
                outcomes.add(deploy(tag).revision());
            } catch (Exception e) {
                outcomes.add(e);
            }
        })).toList();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(60_000);
        }
        Set<Object> revisions = new TreeSet<>(outcomes.stream().map(o -> o instanceof Integer i ? i : -1).toList());
        assertEquals(outcomes.toString(), Set.of(1, 2), revisions);
        assertTrue(fixture.logText(), fixture.logText().contains("Waiting for payments » main #2."));
    }

    @Test
    public void aClusterThatFailsRequestsGivesHelmsReason() {
        cluster.failNext(20, 500, "GET", "secrets");
        EngineException e = assertThrows(EngineException.class, () -> deploy("1.0"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("helm history exited 1: "));
    }

    @Test
    public void anUnreachableClusterIsAClearFailure() {
        cluster.refuseConnections();
        EngineException e = assertThrows(EngineException.class, () -> deploy("1.0"));
        assertTrue(e.getMessage(), e.getMessage().contains("connection refused"));
    }
}
