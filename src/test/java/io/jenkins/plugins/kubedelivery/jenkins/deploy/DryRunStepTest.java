package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.Resources;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * {@code dryRun: true} through the deployService and deployServices step classes, with the real
 * helm 3 and 4 (and kubectl) found on the step's PATH, against the simulated cluster (issue 7, item 4).
 */
@RunWith(Parameterized.class)
public class DryRunStepTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();
    @Rule
    public final TestCluster cluster = new TestCluster();

    private final String helmVersion;
    private StepFixture fixture;

    public DryRunStepTest(String helmVersion) {
        this.helmVersion = helmVersion;
    }

    @Parameters(name = "helm {0}")
    public static Collection<Object[]> versions() {
        return Tools.helmParameters();
    }

    @Before
    public void agent() throws Exception {
        cluster.createNamespace("stage");
        fixture = StepFixture.local(tmp.getRoot());
        EngineFixture.copy(Resources.path("monorepo"), fixture.workspace);
        Path bin = Files.createDirectories(tmp.getRoot().toPath().resolve("bin"));
        Files.createSymbolicLink(bin.resolve("helm"), Tools.helm(helmVersion));
        Files.createSymbolicLink(bin.resolve("kubectl"), Tools.kubectl(Tools.KUBECTL_135));
        fixture.environment.putAll(cluster.environment());
        fixture.environment.put("PATH", bin + ":/usr/bin:/bin");
        fixture.credentials.secretFile("stage-kubeconfig", Files.readString(cluster.kubeconfig()));
    }

    private DeployServiceStep deployService(boolean dryRun) {
        DeployServiceStep step = new DeployServiceStep("ledger", "stage");
        step.setImageTag("2.7.1");
        step.setKubeconfigCredentialsId("stage-kubeconfig");
        step.setTimeout("30s");
        step.setDryRun(dryRun);
        return step;
    }

    private DeployServicesStep deployServices(boolean dryRun) {
        DeployServicesStep step = new DeployServicesStep(List.of("ledger", "payments"), "stage");
        step.setKubeconfigCredentialsId("stage-kubeconfig");
        step.setTimeout("30s");
        step.setDryRun(dryRun);
        return step;
    }

    private TestStepContext run(Step step) throws Exception {
        TestStepContext context = fixture.context();
        step.start(context).start();
        assertTrue("the step completed", context.await(WAIT));
        return context;
    }

    private Map<?, ?> succeed(Step step) throws Exception {
        TestStepContext context = run(step);
        assertNull(fixture.log(), context.failure());
        return (Map<?, ?>) context.result();
    }

    @Test
    public void unchangedInputsSayNoChangesWithTheKeysOfADeploy() throws Exception {
        Map<?, ?> deployed = succeed(deployService(false));
        Map<?, ?> dry = succeed(deployService(true));

        Set<Object> keys = new LinkedHashSet<>(deployed.keySet());
        keys.add("diff");
        assertEquals(keys, dry.keySet());
        for (String same : List.of("release", "namespace", "chart", "chartVersion", "appVersion")) {
            assertEquals(same, deployed.get(same), dry.get(same));
        }
        assertEquals("ledger", dry.get("chart"));
        assertEquals((Integer) deployed.get("revision") + 1, dry.get("revision"));
        assertEquals(deployed.get("revision"), dry.get("previousRevision"));
        assertEquals("dry-run", dry.get("status"));
        String diff = (String) dry.get("diff");
        assertTrue(diff, diff.startsWith("no changes\nHooks helm runs"));
        assertTrue(fixture.log(), fixture.log().contains("Deploying ledger (chart helm/ledger) as release ledger to namespace stage,"
                + " environment stage, dry run"));
        assertTrue(fixture.log(), fixture.log().contains("--dry-run=server"));
        assertTrue(fixture.log(), fixture.log().matches("(?s).*Dry run of ledger in stage done in [0-9.]+s: the deploy would"
                + " make revision 2\n.*"));
    }

    @Test
    public void deployServicesDryRunsEveryService() throws Exception {
        succeed(deployServices(false));
        Map<?, ?> results = succeed(deployServices(true));
        assertEquals(List.of("ledger", "payments"), List.copyOf(results.keySet()));
        assertTrue(String.valueOf(results), ((String) ((Map<?, ?>) results.get("ledger")).get("diff")).startsWith("no changes\n"));
        assertEquals("no changes\n", ((Map<?, ?>) results.get("payments")).get("diff"));
        assertEquals(2, ((Map<?, ?>) results.get("payments")).get("revision"));
    }

    @Test
    public void aClusterThatWouldRefuseTheDeployFailsTheDryRun() throws Exception {
        succeed(deployService(false));
        cluster.leaveReleasePending("stage", "ledger");
        TestStepContext context = run(deployService(true));
        Throwable failure = context.failure();
        assertTrue(String.valueOf(failure), failure instanceof AbortException);
        assertTrue(failure.getMessage(), failure.getMessage().startsWith("deployService: release 'ledger' in namespace 'stage'"
                + " is stuck in pending-upgrade (revision 1"));

        DeployServicesStep intoNowhere = deployServices(true);
        intoNowhere.setNamespace("nowhere");
        failure = run(intoNowhere).failure();
        assertTrue(String.valueOf(failure), failure instanceof AbortException);
        assertTrue(failure.getMessage(), failure.getMessage().startsWith("deployServices: 2 of 2 services failed their dry run"));
        assertTrue(failure.getMessage(), failure.getMessage().contains("ledger"));
        assertTrue(failure.getMessage(), failure.getMessage().contains("payments"));
        assertTrue(failure.getMessage(), failure.getMessage().contains("namespaces \"nowhere\" not found"));
    }
}
