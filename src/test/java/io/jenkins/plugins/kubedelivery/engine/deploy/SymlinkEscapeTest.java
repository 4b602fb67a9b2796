package io.jenkins.plugins.kubedelivery.engine.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.LocalWorkspace;
import io.jenkins.plugins.kubedelivery.testsupport.ScriptedRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/** Every file the step hands to helm, and every file of a workspace chart, must resolve inside the workspace. */
public class SymlinkEscapeTest {
    @Rule
    public final EngineFixture fixture = new EngineFixture();

    private Path outside;

    @Before
    public void anOutsideDirectory() throws Exception {
        outside = Files.createTempDirectory("outside-");
        Files.writeString(outside.resolve("secret.yaml"), "stolen: true\n");
    }

    @After
    public void removeIt() throws Exception {
        EngineFixture.deleteTree(outside);
    }

    @Test
    public void aChartLinkedFromOutsideTheWorkspaceIsRefused() throws Exception {
        EngineFixture.copy(fixture.workspace().resolve("helm/search"), outside.resolve("chart"));
        Files.createSymbolicLink(fixture.workspace().resolve("helm/linked"), outside.resolve("chart"));
        DeployRequest request = DeployRequest.builder("search", "stage").chart("helm/linked").build();
        assertRefusedBeforeAnyCommand(request, "chart", "'helm/linked'");
    }

    @Test
    public void anEnvironmentValuesFileOfAWorkspaceChartLinkedOutsideIsRefused() throws Exception {
        linkOutside("helm/search/values.stage.yaml");
        assertRefusedBeforeAnyCommand(DeployRequest.builder("search", "stage").build(), "chart",
                "'helm/search/values.stage.yaml' in the chart 'helm/search' leads outside the workspace");
    }

    @Test
    public void anEnvironmentValuesFileOfARepositoryChartLinkedOutsideIsRefused() throws Exception {
        linkOutside("helm/search/values.stage.yaml");
        assertRefusedBeforeAnyCommand(repositoryChart("stage"), "environment",
                "'helm/search/values.stage.yaml' leads outside the workspace");
    }

    @Test
    public void aBorrowedValuesFileLinkedOutsideIsRefused() throws Exception {
        linkOutside("helm/search/values.stage.yaml");
        assertRefusedBeforeAnyCommand(repositoryChart("preview"), "fallbackValuesEnvironment",
                "'helm/search/values.stage.yaml' leads outside the workspace");
    }

    @Test
    public void theMonoreposValuesOfARepositoryChartLinkedOutsideAreRefused() throws Exception {
        linkOutside("helm/search/values.yaml");
        assertRefusedBeforeAnyCommand(repositoryChart("stage"), "chart", "'helm/search/values.yaml' leads outside the workspace");
    }

    @Test
    public void aFileInsideTheChartLinkedOutsideIsRefused() throws Exception {
        Files.createDirectories(fixture.workspace().resolve("helm/search/files"));
        Files.createSymbolicLink(fixture.workspace().resolve("helm/search/files/config.yaml"), outside.resolve("secret.yaml"));
        assertRefusedBeforeAnyCommand(DeployRequest.builder("search", "stage").build(), "chart",
                "'helm/search/files/config.yaml' in the chart 'helm/search' leads outside the workspace");
    }

    @Test
    public void aSubchartDirectoryLinkedOutsideIsRefused() throws Exception {
        EngineFixture.copy(fixture.workspace().resolve("helm/payments"), outside.resolve("payments"));
        Files.createDirectories(fixture.workspace().resolve("helm/search/charts"));
        Files.createSymbolicLink(fixture.workspace().resolve("helm/search/charts/payments"), outside.resolve("payments"));
        assertRefusedBeforeAnyCommand(DeployRequest.builder("search", "stage").build(), "chart",
                "'helm/search/charts/payments' in the chart 'helm/search'");
    }

    @Test
    public void aDanglingLinkInTheChartIsRefused() throws Exception {
        Files.createSymbolicLink(fixture.workspace().resolve("helm/search/templates/later.yaml"), outside.resolve("not-yet"));
        assertRefusedBeforeAnyCommand(DeployRequest.builder("search", "stage").build(), "chart",
                "'helm/search/templates/later.yaml' in the chart 'helm/search'");
    }

    @Test
    public void linksThatStayInsideTheWorkspaceAreAccepted() throws Exception {
        Path workspace = fixture.workspace();
        Files.createDirectories(workspace.resolve("config"));
        Files.writeString(workspace.resolve("config/search-stage.yaml"), "replicaCount: 2\n");
        Files.writeString(workspace.resolve("config/banner.txt"), "hello\n");
        Files.delete(workspace.resolve("helm/search/values.stage.yaml"));
        Files.createSymbolicLink(workspace.resolve("helm/search/values.stage.yaml"), Path.of("../../config/search-stage.yaml"));
        Files.createDirectories(workspace.resolve("helm/search/files"));
        Files.createSymbolicLink(workspace.resolve("helm/search/files/banner.txt"), workspace.resolve("config/banner.txt"));
        Files.createSymbolicLink(workspace.resolve("helm/search/files/self"), Path.of(".")); // a loop helm would skip

        DeployPlan plan = new DeployPlanner(new LocalWorkspace(workspace)).plan(DeployRequest.builder("search", "stage").build());

        assertEquals(List.of(workspace.resolve("helm/search/values.stage.yaml").toString()), plan.valuesFiles());
    }

    private void linkOutside(String workspaceFile) throws Exception {
        Path file = fixture.workspace().resolve(workspaceFile);
        Files.delete(file);
        Files.createSymbolicLink(file, outside.resolve("secret.yaml"));
    }

    private static DeployRequest repositoryChart(String environment) {
        return DeployRequest.builder("search", environment).chart("bitnami/nginx").chartVersion("15.0.0").build();
    }

    private void assertRefusedBeforeAnyCommand(DeployRequest request, String parameter, String named) {
        ScriptedRunner runner = new ScriptedRunner();
        ValidationException e = assertThrows(ValidationException.class,
                () -> new DeployService(fixture.ports(runner), ClusterTarget.inCluster(), "t").run(request));
        assertEquals(e.getMessage(), parameter, e.parameter());
        assertTrue(e.getMessage(), e.getMessage().contains(named));
        assertEquals(List.of(), runner.commands());
    }
}
