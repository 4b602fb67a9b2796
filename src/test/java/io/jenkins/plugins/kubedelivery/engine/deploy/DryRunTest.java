package io.jenkins.plugins.kubedelivery.engine.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.ScriptedRunner;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/**
 * The dry run's check of a first install's namespace, replaying helm 3.17's real dry-run JSON (of the
 * fixture chart ledger) and kubectl's answers; the real tools run it in DryRunE2ETest and DryRunStepTest.
 */
public class DryRunTest {
    private static final ClusterTarget CLUSTER = new ClusterTarget("/tmp/kd/kubeconfig", null, "stage-cluster");

    @Rule
    public final EngineFixture fixture = new EngineFixture();

    private final ScriptedRunner runner = new ScriptedRunner().answer("helm version", 0, "v3.17.3+ge4da497\n")
            .answer("helm history", 1, "Error: release: not found\n")
            .answerFromResource("helm upgrade", 0, "helm-output/upgrade-dry-run-first-install.json");

    private DeployResult dryRun(DeployRequest.Builder request) throws InterruptedException {
        return new DeployService(fixture.ports(runner), CLUSTER, "ledger » main #7").run(request.dryRun(true).build());
    }

    @Test
    public void aFirstInstallAsksTheApiServerWhetherItWouldStoreHelmsReleaseRecord() throws Exception {
        runner.answer("kubectl create", 0, "secret/sh.helm.release.v1.ledger.v1 created (server dry run)\n");
        DeployResult result = dryRun(DeployRequest.builder("ledger", "stage"));
        assertEquals(List.of("helm version", "helm history", "helm upgrade", "kubectl create"), runner.verbsVersionFirst());
        assertEquals(List.of("kubectl", "create", "secret", "generic", "sh.helm.release.v1.ledger.v1", "--namespace", "stage",
                "--dry-run=server", "--output", "name", "--kubeconfig", "/tmp/kd/kubeconfig"), runner.commands().get(3).arguments());
        assertTrue(runner.commands().get(2).arguments().contains("--dry-run=server"));
        assertEquals(1, result.revision());
        assertEquals("ledger", result.chart());
        assertEquals("1.2.0", result.chartVersion());
        assertEquals("2.7.1", result.appVersion());
        assertTrue(result.diff(), result.diff().startsWith("+ Secret stage/ledger-token (v1) (new)\n"));
        assertFalse(result.diff(), result.diff().contains("QlY0cWlNTGVNcnIyS2JHd2FwU3R4Ylo0"));
        assertTrue(result.diff(), result.diff().endsWith("Hooks helm runs (created on each run, not compared):\n"
                + "  Pod ledger-test-lnkht on test (only by helm test)\n"
                + "  Job ledger-migrate-hwjak on pre-install, pre-upgrade\n"));
    }

    @Test
    public void aRefusedReleaseRecordFailsTheDryRunWithTheApiServersReason() {
        runner.answer("kubectl create", 1, "Error from server (Forbidden): secrets is forbidden: User \"system:serviceaccount:ci:deployer\""
                + " cannot create resource \"secrets\" in API group \"\" in the namespace \"stage\"\n");
        EngineException e = assertThrows(EngineException.class, () -> dryRun(DeployRequest.builder("ledger", "stage")));
        assertTrue(e.getMessage(), e.getMessage().startsWith("the install would be refused: the cluster does not accept helm's"
                + " release record in namespace 'stage' (kubectl create secret --dry-run=server exited 1: Error from server (Forbidden)"));
    }

    @Test
    public void withoutKubectlTheNamespaceIsNotCheckedAndTheLogSaysSo() throws Exception {
        runner.answer("kubectl create", 127, "sh: 1: kubectl: not found\n");
        DeployResult result = dryRun(DeployRequest.builder("ledger", "stage"));
        assertEquals(1, result.revision());
        assertTrue(fixture.logText(), fixture.logText().contains("Note: could not ask the cluster whether it accepts an install into"
                + " namespace 'stage' (kubectl is not on the PATH); helm's dry run does not check that the namespace exists"));
    }

    @Test
    public void whenTheDeployWouldCreateTheNamespaceThereIsNothingToAsk() throws Exception {
        dryRun(DeployRequest.builder("ledger", "stage").createNamespace(true));
        assertEquals(List.of("helm version", "helm history", "helm upgrade"), runner.verbsVersionFirst());
        assertTrue(runner.commands().get(2).arguments().contains("--create-namespace"));
    }
}
