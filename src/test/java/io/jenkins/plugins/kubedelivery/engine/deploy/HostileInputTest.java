package io.jenkins.plugins.kubedelivery.engine.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.ScriptedRunner;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Every hostile input is refused with a message naming the parameter, and no command runs. */
@RunWith(Parameterized.class)
public class HostileInputTest {
    @Rule
    public final EngineFixture fixture = new EngineFixture();

    private final String parameter;
    private final UnaryOperator<DeployRequest.Builder> change;
    private final String service;
    private final String environment;

    public HostileInputTest(String description, String parameter, String service, String environment,
            UnaryOperator<DeployRequest.Builder> change) {
        this.parameter = parameter;
        this.service = service;
        this.environment = environment;
        this.change = change;
    }

    @Parameters(name = "{0}")
    public static Collection<Object[]> cases() {
        List<Object[]> cases = new ArrayList<>();
        UnaryOperator<DeployRequest.Builder> none = b -> b;
        cases.add(new Object[] {"service with uppercase", "service", "Payments", "stage", none});
        cases.add(new Object[] {"service with a slash", "service", "pay/ments", "stage", none});
        cases.add(new Object[] {"service with ..", "service", "..", "stage", none});
        cases.add(new Object[] {"service of 64 characters", "service", "a".repeat(64), "stage", none});
        cases.add(new Object[] {"service with shell metacharacters", "service", "payments;rm -rf", "stage", none});
        cases.add(new Object[] {"service with $", "service", "pay$HOME", "stage", none});
        cases.add(new Object[] {"missing service", "service", null, "stage", none});
        cases.add(new Object[] {"unknown environment", "environment", "payments", "staging", none});
        cases.add(new Object[] {"environment with uppercase", "environment", "payments", "Prod", none});
        cases.add(new Object[] {"namespace with backtick", "namespace", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.namespace("`id`")});
        cases.add(new Object[] {"release too long", "release", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.release("r".repeat(54))});
        cases.add(new Object[] {"chart outside the workspace", "chart", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.chart("/etc")});
        cases.add(new Object[] {"chart climbing out", "chart", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.chart("helm/../../outside")});
        cases.add(new Object[] {"chart that is no chart", "chart", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.chart("payments/src")});
        cases.add(new Object[] {"repository chart without version", "version", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.chart("bitnami/nginx")});
        cases.add(new Object[] {"chart version range", "version", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.chart("bitnami/nginx").chartVersion(">=1.0,<2")});
        cases.add(new Object[] {"values file outside", "valuesFiles", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.valuesFiles(List.of("../secrets.yaml"))});
        cases.add(new Object[] {"values file missing", "valuesFiles", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.valuesFiles(List.of("helm/payments/values.nope.yaml"))});
        cases.add(new Object[] {"values key with comma", "values", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.values(Map.of("a,b", "x"))});
        cases.add(new Object[] {"values key with equals", "values", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.values(Map.of("a=b", "x"))});
        cases.add(new Object[] {"values key with newline", "values", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.values(Map.of("a\nb", "x"))});
        cases.add(new Object[] {"values of an unknown type", "values", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.values(Map.of("a", new Object()))});
        cases.add(new Object[] {"image tag with comma", "imageTag", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.imageTag("1.0,image.repository=evil")});
        cases.add(new Object[] {"image tag with equals", "imageTag", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.imageTag("a=b")});
        cases.add(new Object[] {"image tag with newline", "imageTag", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.imageTag("1.0\nreplicaCount: 99")});
        cases.add(new Object[] {"image repository with uppercase", "imageRepository", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.imageRepository("Registry/Evil")});
        cases.add(new Object[] {"image tag key with a space", "imageTagKey", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.imageTag("1").imageTagKey("image tag")});
        cases.add(new Object[] {"zero timeout", "timeout", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.timeout(java.time.Duration.ZERO)});
        cases.add(new Object[] {"negative history", "historyMax", "payments", "stage", (UnaryOperator<DeployRequest.Builder>) b -> b.historyMax(-1)});
        return cases;
    }

    @Test
    public void isRefusedBeforeAnyCommandRuns() throws Exception {
        ScriptedRunner runner = new ScriptedRunner();
        DeployRequest request = change.apply(DeployRequest.builder(service, environment)).build();
        ValidationException e = assertThrows(ValidationException.class,
                () -> new DeployService(fixture.ports(runner), ClusterTarget.inCluster(), "test #1").run(request));
        assertEquals(e.getMessage(), parameter, e.parameter());
        assertTrue(e.getMessage(), e.getMessage().startsWith(parameter + ": "));
        assertEquals(List.of(), runner.commands());
        try (var files = Files.list(fixture.staging().directory())) {
            assertEquals("nothing staged", 0, files.count());
        }
    }
}
