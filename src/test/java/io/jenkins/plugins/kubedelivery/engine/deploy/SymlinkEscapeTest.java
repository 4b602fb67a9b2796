package io.jenkins.plugins.kubedelivery.engine.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.DeployRequest;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.ScriptedRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

public class SymlinkEscapeTest {
    @Rule
    public final EngineFixture fixture = new EngineFixture();

    @Test
    public void aChartLinkedFromOutsideTheWorkspaceIsRefused() throws Exception {
        Path outside = Files.createTempDirectory("outside-chart");
        try {
            EngineFixture.copy(fixture.workspace().resolve("helm/search"), outside);
            Files.createSymbolicLink(fixture.workspace().resolve("helm/linked"), outside);
            ScriptedRunner runner = new ScriptedRunner();
            DeployRequest request = DeployRequest.builder("search", "stage").chart("helm/linked").build();
            ValidationException e = assertThrows(ValidationException.class,
                    () -> new DeployService(fixture.ports(runner)).deploy(request, ClusterTarget.inCluster(), "t"));
            assertEquals("chart", e.parameter());
            assertEquals(List.of(), runner.commands());
        } finally {
            EngineFixture.deleteTree(outside);
        }
    }
}
