package io.jenkins.plugins.kubedelivery.engine.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.cli.HelmCommands.UpgradeOptions;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

public class HelmCommandsTest {
    private final UpgradeOptions options = new UpgradeOptions("payments", "/ws/helm/payments", null, "stage",
            List.of("/ws/helm/payments/values.stage.yaml", "/tmp/kd/values-payments.json"), Duration.ofMinutes(5), true, true, 10, false, null);
    private final HelmCommands commands = new HelmCommands("helm", new ClusterTarget("/tmp/kd/kubeconfig", "prod", "creds/prod"));

    @Test
    public void helm3UsesAtomic() {
        List<String> args = commands.upgradeInstall(options, HelmVersion.parse("v3.17.3+ge4da497")).arguments();
        assertEquals(List.of("helm", "upgrade", "--install", "payments", "/ws/helm/payments", "--namespace", "stage",
                "--values", "/ws/helm/payments/values.stage.yaml", "--values", "/tmp/kd/values-payments.json",
                "--timeout", "300s", "--history-max", "10", "--wait", "--atomic", "--output", "json",
                "--kubeconfig", "/tmp/kd/kubeconfig", "--kube-context", "prod"), args);
    }

    @Test
    public void helm4UsesRollbackOnFailure() {
        List<String> args = commands.upgradeInstall(options, HelmVersion.parse("v4.1.4+g05fa379")).arguments();
        assertTrue(args.contains("--rollback-on-failure"));
        assertFalse(args.contains("--atomic"));
    }

    @Test
    public void theServerDryRunIsTheUpgradeItSimulatesInBothMajors() {
        for (String version : List.of("v3.17.3+ge4da497", "v4.1.4+g05fa379")) {
            HelmVersion helm = HelmVersion.parse(version);
            List<String> upgrade = commands.upgradeInstall(options, helm).arguments();
            List<String> dryRun = commands.serverDryRun(options, helm).arguments();
            List<String> expected = new java.util.ArrayList<>(upgrade);
            expected.add(expected.indexOf("--output"), "--dry-run=server");
            assertEquals(expected, dryRun);
        }
    }

    @Test
    public void releaseLabelsGoInOneSortedLabelsArgument() {
        UpgradeOptions labelled = new UpgradeOptions("payments-canary", "/ws/helm/payments", null, "stage", List.of(),
                Duration.ofMinutes(5), true, true, 10, false, null, java.util.Map.of("kube-delivery.io/canary-of", "payments",
                "a.example/b", "c"));
        List<String> args = commands.upgradeInstall(labelled, HelmVersion.parse("v3.17.3+ge4da497")).arguments();
        assertEquals("a.example/b=c,kube-delivery.io/canary-of=payments", args.get(args.indexOf("--labels") + 1));
        assertFalse(commands.upgradeInstall(options, HelmVersion.parse("v3.17.3+ge4da497")).arguments().contains("--labels"));
    }

    @Test
    public void theTemplateRendersTheUpgradesChartAndValuesWithoutTheCluster() {
        UpgradeOptions pinned = new UpgradeOptions("payments-canary", "oci://registry.example.com/charts/payments", "1.4.0", "stage",
                List.of("/ws/helm/payments/values.stage.yaml"), Duration.ofMinutes(5), true, true, 10, false, null);
        assertEquals(List.of("helm", "template", "payments-canary", "oci://registry.example.com/charts/payments", "--namespace",
                "stage", "--version", "1.4.0", "--values", "/ws/helm/payments/values.stage.yaml"), commands.template(pinned).arguments());
    }

    @Test
    public void theDeployedManifestIsReadByRevision() {
        assertEquals(List.of("helm", "get", "manifest", "payments", "--namespace", "stage", "--revision", "3",
                "--kubeconfig", "/tmp/kd/kubeconfig", "--kube-context", "prod"), commands.getManifest("payments", "stage", 3).arguments());
    }

    @Test
    public void theLatestManifestIsReadWithoutARevision() {
        assertEquals(List.of("helm", "get", "manifest", "payments", "--namespace", "prod", "--kubeconfig", "/tmp/kd/kubeconfig",
                "--kube-context", "prod"), commands.getLatestManifest("payments", "prod").arguments());
    }

    @Test
    public void inClusterCommandsCarryNoKubeconfig() {
        List<String> args = new HelmCommands("helm", ClusterTarget.inCluster()).history("payments", "stage", 64).arguments();
        assertEquals(List.of("helm", "history", "payments", "--namespace", "stage", "--max", "64", "--output", "json"), args);
    }

    @Test
    public void refusesHelm2AndReadsTheMajor() {
        assertEquals(3, HelmVersion.parse("v3.17.3+ge4da497").major());
        assertEquals(4, HelmVersion.parse("WARNING: x\nv4.1.4+g05fa379\n").major());
        org.junit.Assert.assertThrows(io.jenkins.plugins.kubedelivery.engine.EngineException.class,
                () -> HelmVersion.parse("v2.17.0+ga690bad"));
    }
}
