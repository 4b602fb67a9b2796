package io.jenkins.plugins.kubedelivery.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployService;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployResult;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * {@code dryRun: true} end to end (issue 7, items 3 and 4): the real helm 3 and 4 run their
 * server-side dry run against the simulated cluster, on the fixture chart {@code ledger} that has
 * what real charts have: a pre-upgrade hook Job and a test Pod with random names, a {@code lookup}
 * that keeps a generated token, a {@code .Capabilities} check, and {@code kind: "Secret"} quoted.
 */
@RunWith(Parameterized.class)
public class DryRunE2ETest {
    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster().withFixtureCrds(); // the ledger chart renders its Istio route only where Istio is served

    private final String helmVersion;
    private EnginePorts ports;
    private ClusterTarget target;

    public DryRunE2ETest(String helmVersion) {
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

    private static DeployRequest.Builder ledger() {
        return DeployRequest.builder("ledger", "stage").imageTag("2.7.1").timeout(Duration.ofSeconds(20));
    }

    private DeployResult run(DeployRequest.Builder request) throws InterruptedException {
        return new DeployService(ports, target, "ledger » main").run(request.build());
    }

    private DeployResult dryRun(DeployRequest.Builder request) throws InterruptedException {
        return run(request.dryRun(true));
    }

    private int releaseRecords() {
        int n = 0;
        while (cluster.object("v1", "Secret", "stage", "sh.helm.release.v1.ledger.v" + (n + 1)).isPresent()) {
            n++;
        }
        return n;
    }

    @Test
    public void unchangedInputsSayNoChangesAndChangeNothing() throws Exception {
        run(ledger());
        DeployResult dry = dryRun(ledger());
        assertTrue(dry.diff(), dry.diff().startsWith("no changes\n"));
        assertEquals("the dry run recorded no revision", 1, releaseRecords());
        assertTrue(fixture.logText(), fixture.logText().contains("against revision 1, as revision 2:\nno changes"));
    }

    @Test
    public void hooksAndTestPodsAreListedApartNeverAsNewObjects() throws Exception {
        String diff = dryRun(ledger()).diff();
        assertTrue(diff, diff.contains("+ Secret stage/ledger-token (v1) (new)\n"));
        assertTrue(diff, diff.contains("+ VirtualService stage/ledger (networking.istio.io/v1) (new)\n"));
        assertFalse(diff, diff.contains("+ Job"));
        assertFalse(diff, diff.contains("+ Pod"));
        assertTrue(diff, diff.matches("(?s).*Hooks helm runs \\(created on each run, not compared\\):\n"
                + ".*  Job ledger-migrate-[a-z0-9]{5} on pre-install, pre-upgrade\n.*"));
        assertTrue(diff, diff.matches("(?s).*  Pod ledger-test-[a-z0-9]{5} on test \\(only by helm test\\)\n.*"));
        assertEquals("nothing installed", 0, releaseRecords());
    }

    /** Item 3: {@code kind: "Secret"} (quoted) was not known for a Secret, and its lines were printed. */
    @Test
    public void aQuotedSecretIsNamedButItsContentsNeverShown() throws Exception {
        run(ledger().values(Map.of("apiKey", "first-api-key")));
        DeployResult dry = dryRun(ledger().values(Map.of("apiKey", "second-api-key")));
        assertEquals("~ Secret stage/ledger-token (v1)\n    (data changed; secret values are not shown)\n", dry.diff().lines()
                .takeWhile(l -> !l.startsWith("Hooks")).map(l -> l + "\n").reduce("", String::concat));
        String token = cluster.object("v1", "Secret", "stage", "ledger-token").orElseThrow().at("/data/token").asText();
        for (String secret : Set.of("first-api-key", "second-api-key", token)) {
            String plain = secret.equals(token) ? new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8) : secret;
            String encoded = Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
            for (String shown : Set.of(dry.diff(), fixture.logText())) {
                assertFalse(shown, shown.contains(plain));
                assertFalse(shown, shown.contains(encoded));
            }
        }
    }

    /** Item 4: objects were keyed by kind and name, so a ConfigMap of one name in two namespaces was one object. */
    @Test
    public void sameNamedObjectsInTwoNamespacesAreKeptApart() throws Exception {
        cluster.createNamespace("audit");
        run(ledger().values(Map.of("auditNamespace", "audit")));
        String diff = dryRun(ledger().values(Map.of("auditNamespace", "audit", "config.LOG_LEVEL", "warn"))).diff();
        assertTrue(diff, diff.startsWith("~ ConfigMap stage/ledger-config (v1)\n    -   LOG_LEVEL: debug\n    +   LOG_LEVEL: warn\nHooks"));
        assertFalse(diff, diff.contains("audit/ledger-config"));
    }

    @Test
    public void theResultCarriesADeploysKeysWithTheirMeaning() throws Exception {
        DeployResult deployed = run(ledger());
        DeployResult dry = dryRun(ledger().imageTag("2.8.0"));
        Set<String> keys = new LinkedHashSet<>(deployed.toMap().keySet());
        keys.add("diff");
        assertEquals(keys, dry.toMap().keySet());
        assertEquals("ledger", dry.chart());
        assertEquals(deployed.chart(), dry.chart());
        assertEquals(deployed.chartVersion(), dry.chartVersion());
        assertEquals("2.7.1", dry.appVersion());
        assertEquals(deployed.appVersion(), dry.appVersion());
        assertEquals(deployed.revision() + 1, dry.revision());
        assertEquals(Integer.valueOf(deployed.revision()), dry.previousRevision());
        assertEquals("dry-run", dry.status());
        assertTrue(dry.diff(), dry.diff().startsWith("~ Deployment stage/ledger (apps/v1)\n"
                + "    -         image: registry.example.com/shop/ledger:2.7.1\n"
                + "    +         image: registry.example.com/shop/ledger:2.8.0\nHooks"));

        DeployResult first = dryRun(DeployRequest.builder("payments", "stage"));
        assertEquals(1, first.revision());
        assertEquals(null, first.previousRevision());
        assertEquals("payments", first.chart());
        assertEquals("1.4.0", first.appVersion());
    }

    @Test
    public void aStuckReleaseFailsTheDryRunAsItFailsTheDeploy() throws Exception {
        // One instant for both messages, which give the pending revision's age.
        ports = fixture.livePorts(ports.runner(), ports.helm(), ports.kubectl(), Clock.fixed(Instant.now(), ZoneOffset.UTC));
        run(ledger());
        run(ledger().imageTag("2.8.0"));
        cluster.leaveReleasePending("stage", "ledger");
        EngineException deploy = assertThrows(EngineException.class, () -> run(ledger().imageTag("2.9.0")));
        EngineException dry = assertThrows(EngineException.class, () -> dryRun(ledger().imageTag("2.9.0")));
        assertEquals(deploy.getMessage(), dry.getMessage());
        assertTrue(dry.getMessage(), dry.getMessage().contains("is stuck in pending-upgrade (revision 2"));

        EngineException recovering = assertThrows(EngineException.class, () -> dryRun(ledger().recoverStuckRelease(true)));
        assertTrue(recovering.getMessage(), recovering.getMessage().contains("The deploy would first roll back to revision 1"));
        assertEquals("the dry run recovered nothing", 2, releaseRecords());
    }

    @Test
    public void aKindTheClusterDoesNotServeFailsTheDryRunWithTheDeploysReason() throws Exception {
        Files.writeString(fixture.workspace().resolve("helm/ledger/templates/monitor.yaml"),
                "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: ledger\nspec: {}\n");
        EngineException dry = assertThrows(EngineException.class, () -> dryRun(ledger()));
        EngineException deploy = assertThrows(EngineException.class, () -> run(ledger()));
        assertEquals(deploy.getCause().getMessage(), dry.getCause().getMessage());
        assertEquals(dry.getCause().getMessage() + ". Dry run: nothing was changed", dry.getMessage());
        assertTrue(dry.getMessage(), dry.getMessage().startsWith("helm upgrade exited 1: Error: unable to build kubernetes objects"));
    }

    @Test
    public void aMissingNamespaceFailsTheDryRunUnlessTheDeployWouldCreateIt() throws Exception {
        EngineException dry = assertThrows(EngineException.class, () -> dryRun(ledger().namespace("nowhere")));
        EngineException deploy = assertThrows(EngineException.class, () -> run(ledger().namespace("nowhere")));
        String reason = "namespaces \"nowhere\" not found";
        assertTrue(deploy.getMessage(), deploy.getMessage().contains(reason));
        assertTrue(dry.getMessage(), dry.getMessage().contains(reason));
        assertTrue(dry.getMessage(), dry.getMessage().contains("createNamespace: true"));

        DeployResult created = dryRun(ledger().namespace("nowhere").createNamespace(true));
        assertTrue(created.diff(), created.diff().contains("+ Deployment nowhere/ledger (apps/v1) (new)"));
        assertTrue("the dry run created no namespace", cluster.object("v1", "Namespace", null, "nowhere").isEmpty());
    }
}
