package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * Symbolic links through the step classes, with the real helm 3 and 4 against the simulated
 * cluster: a link out of the workspace is refused before any command (naming the file and the
 * parameter), a link that stays inside is deployed like the file it points to.
 */
@RunWith(Parameterized.class)
public class WorkspaceEscapeStepTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();
    @Rule
    public final TestCluster cluster = new TestCluster();

    private final String helmVersion;
    private StepFixture fixture;
    private Path outside;

    public WorkspaceEscapeStepTest(String helmVersion) {
        this.helmVersion = helmVersion;
    }

    @Parameters(name = "helm {0}")
    public static Collection<Object[]> versions() {
        return Tools.helmParameters();
    }

    @Before
    public void aChartThatReadsAFile() throws Exception {
        cluster.createNamespace("stage");
        fixture = StepFixture.against(cluster, helmVersion, tmp.newFolder("build"));
        HelmReplies.monorepo(fixture.workspace);
        Files.writeString(fixture.workspace.resolve("helm/payments/templates/banner.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Release.Name }}-banner
                data:
                  banner: {{ .Files.Get "files/banner.txt" | quote }}
                """);
        Files.createDirectories(fixture.workspace.resolve("helm/payments/files"));
        outside = tmp.newFolder("outside").toPath();
        Files.writeString(outside.resolve("id_rsa"), "not for the cluster\n");
    }

    private TestStepContext deploy(List<String> valuesFiles) throws Exception {
        DeployServiceStep step = new DeployServiceStep("payments", "stage");
        step.setKubeconfigCredentialsId(StepFixture.CLUSTER_CREDENTIALS);
        step.setTimeout("30s");
        step.setValuesFiles(valuesFiles);
        return fixture.run(step, WAIT);
    }

    @Test
    public void aChartFileLinkedOutsideIsRefusedBeforeAnyCommand() throws Exception {
        Files.createSymbolicLink(fixture.workspace.resolve("helm/payments/files/banner.txt"), outside.resolve("id_rsa"));

        TestStepContext context = deploy(List.of());

        assertEquals("deployService: chart: 'helm/payments/files/banner.txt' in the chart 'helm/payments' leads outside the"
                + " workspace through a symbolic link (or to nothing): replace the link with the file itself, or link to a file"
                + " inside the workspace", context.failure().getMessage());
        assertEquals(fixture.launcher.allArguments(), 0, fixture.launcher.launches().size());
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    @Test
    public void aValuesFileLinkedOutsideIsRefusedBeforeAnyCommand() throws Exception {
        Files.writeString(fixture.workspace.resolve("helm/payments/files/banner.txt"), "hello\n");
        Files.createDirectories(fixture.workspace.resolve("config"));
        Files.createSymbolicLink(fixture.workspace.resolve("config/extra.yaml"), outside.resolve("id_rsa"));

        TestStepContext context = deploy(List.of("config/extra.yaml"));

        assertTrue(context.failure().getMessage(), context.failure().getMessage()
                .startsWith("deployService: valuesFiles: 'config/extra.yaml' leads outside the workspace"));
        assertEquals(fixture.launcher.allArguments(), 0, fixture.launcher.launches().size());
    }

    @Test
    public void linksThatStayInsideTheWorkspaceAreDeployed() throws Exception {
        Files.createDirectories(fixture.workspace.resolve("config"));
        Files.writeString(fixture.workspace.resolve("config/banner.txt"), "welcome to stage\n");
        Files.writeString(fixture.workspace.resolve("config/stage.yaml"), "replicaCount: 3\n");
        Files.createSymbolicLink(fixture.workspace.resolve("helm/payments/files/banner.txt"), Path.of("../../../config/banner.txt"));
        Files.delete(fixture.workspace.resolve("helm/payments/values.stage.yaml"));
        Files.createSymbolicLink(fixture.workspace.resolve("helm/payments/values.stage.yaml"), fixture.workspace.resolve("config/stage.yaml"));

        TestStepContext context = deploy(List.of());

        assertNull(String.valueOf(context.failure()), context.failure());
        assertEquals("welcome to stage\n", cluster.object("v1", "ConfigMap", "stage", "payments-banner").orElseThrow()
                .at("/data/banner").asText());
        assertEquals("3", cluster.object("v1", "ConfigMap", "stage", "payments").orElseThrow().at("/data/replicas").asText());
    }
}
