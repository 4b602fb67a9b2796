package io.jenkins.plugins.kubedelivery.engine.deploy;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.LocalProcessRunner;
import io.jenkins.plugins.kubedelivery.testsupport.ScriptedRunner;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * What helm 3 and 4 write on their release records, read by both pinned kubectl versions: the same
 * revisions and statuses {@code helm history} reports, and the labels given with {@code --labels}.
 */
@RunWith(Parameterized.class)
public class ReleaseRecordsHelmTest {
    @ClassRule
    public static final TestCluster CLUSTER = new TestCluster();
    @Rule
    public final EngineFixture fixture = new EngineFixture();

    private final String helmVersion;
    private final String kubectlVersion;

    public ReleaseRecordsHelmTest(String helmVersion, String kubectlVersion) {
        this.helmVersion = helmVersion;
        this.kubectlVersion = kubectlVersion;
    }

    @Parameters(name = "helm {0}, kubectl {1}")
    public static Collection<Object[]> versions() {
        List<Object[]> pairs = new ArrayList<>();
        for (String helm : Tools.HELM_VERSIONS) {
            for (String kubectl : Tools.KUBECTL_VERSIONS) {
                pairs.add(new Object[] {helm, kubectl});
            }
        }
        return pairs;
    }

    @Test
    public void theRecordsTellTheHistoryHelmTellsAndTheCanarysLabelsInOneCall() throws Exception {
        String namespace = ("records-" + helmVersion + "-" + kubectlVersion).replace('.', '-');
        CLUSTER.createNamespace(namespace);
        ScriptedRunner runner = new ScriptedRunner(new LocalProcessRunner(fixture.workspace(), CLUSTER.environment()));
        ClusterTarget target = EngineFixture.target(CLUSTER);
        HelmClient helm = new HelmClient(runner, Tools.helm(helmVersion).toString(), target);
        KubectlClient kubectl = new KubectlClient(runner, Tools.kubectl(kubectlVersion).toString(), target);
        Path chart = chart();
        helm("upgrade", "--install", "payments", chart.toString(), "--namespace", namespace);
        helm("upgrade", "--install", "payments", chart.toString(), "--namespace", namespace);
        helm("rollback", "payments", "1", "--namespace", namespace);
        helm("upgrade", "--install", "payments-canary", chart.toString(), "--namespace", namespace,
                "--labels", "kube-delivery.io/canary-of=payments");
        helm("upgrade", "--install", "orders", chart.toString(), "--namespace", namespace);

        int before = runner.commands().size();
        ReleaseRecords records = ReleaseRecords.read(helm, kubectl, namespace, List.of("payments", "payments-canary"));
        ReleaseHistory fromRecords = records.history("payments").get();
        Optional<Map<String, String>> canaryLabels = records.latestLabels("payments-canary");
        assertEquals("one kubectl call answers both", 1, runner.commands().size() - before);

        List<ReleaseRevision> fromHelm = helm.history("payments", namespace, ReleaseHistory.WINDOW);
        assertEquals(List.of(1, 2, 3), fromRecords.revisions().stream().map(ReleaseRevision::revision).toList());
        assertEquals(fromHelm.stream().map(ReleaseRevision::status).toList(),
                fromRecords.revisions().stream().map(ReleaseRevision::status).toList());
        assertEquals("payments", canaryLabels.orElseThrow().get("kube-delivery.io/canary-of"));
        assertEquals("1", canaryLabels.orElseThrow().get("version"));
        assertEquals(canaryLabels, ReleaseRecords.labels(helm, kubectl, "payments-canary", namespace));
        assertEquals(Optional.empty(), records.latestLabels("orders"));
    }

    private void helm(String... arguments) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Tools.helm(helmVersion).toString()));
        argv.addAll(List.of(arguments));
        argv.addAll(List.of("--kubeconfig", CLUSTER.kubeconfig().toString()));
        new LocalProcessRunner(fixture.workspace(), CLUSTER.environment()).run(CommandLine.of(argv), Duration.ofMinutes(1));
    }

    private Path chart() throws Exception {
        Path chart = Files.createDirectories(fixture.workspace().resolve("records-chart/templates"));
        Files.writeString(chart.resolveSibling("Chart.yaml"), "apiVersion: v2\nname: records\nversion: 0.1.0\nappVersion: \"1.0\"\n");
        Files.writeString(chart.resolve("configmap.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  a: b\n");
        return chart.getParent();
    }
}
