package io.jenkins.plugins.kubedelivery.engine.preview;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.cli.ToolFailedException;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.LocalProcessRunner;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Every object a preview is made of passes the real kubectl's {@code apply --dry-run=client}. */
@RunWith(Parameterized.class)
public class PreviewManifestsKubectlTest {
    @Rule
    public final EngineFixture fixture = new EngineFixture();
    @Rule
    public final TestCluster cluster = new TestCluster();

    private final String kubectlVersion;
    private KubectlClient kubectl;

    public PreviewManifestsKubectlTest(String kubectlVersion) {
        this.kubectlVersion = kubectlVersion;
    }

    @Parameters(name = "kubectl {0}")
    public static Collection<Object[]> versions() {
        return Tools.kubectlParameters();
    }

    @Before
    public void connect() {
        kubectl = new KubectlClient(new LocalProcessRunner(fixture.workspace(), cluster.environment()),
                Tools.kubectl(kubectlVersion).toString(), EngineFixture.target(cluster));
    }

    @Test
    public void namespaceQuotaLimitsPolicyAndCopiedSecretsAreValid() throws Exception {
        PreviewRequest request = new PreviewRequest("42", "shop", "feature/x\"$(id)`", "abc", "https://ci/1/", null, null,
                Duration.ofHours(72), Map.of("limits.memory", "8Gi", "pods", "20"), Map.of("memory", "512Mi", "cpu", "500m"),
                Map.of("cpu", "100m"), true, "ingress-nginx", List.of("registry-pull"), "ci", Map.of("spot", "true"),
                Map.of("example.com/owner", "team pay"));
        PreviewPlan plan = PreviewPlanner.plan(request, Instant.parse("2026-11-22T10:00:00Z"), null);
        JsonObject secret = Json.parse("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"registry-pull\","
                + "\"namespace\":\"ci\",\"uid\":\"1\"},\"type\":\"kubernetes.io/dockerconfigjson\","
                + "\"data\":{\".dockerconfigjson\":\"e30=\"}}").asObject();
        String file = fixture.staging().write("preview.yaml", PreviewManifests.yamlStream(PreviewManifests.objects(plan, List.of(secret))));

        List<String> applied = kubectl.apply(file, true);
        assertEquals(List.of("namespace/pr-42-shop", "resourcequota/kube-delivery-preview", "limitrange/kube-delivery-preview",
                "networkpolicy.networking.k8s.io/kube-delivery-default-deny", "secret/registry-pull"), applied);
        assertTrue("a client dry run creates nothing", cluster.object("v1", "Namespace", null, "pr-42-shop").isEmpty());
    }

    @Test
    public void aBrokenManifestIsRefusedSoTheCheckIsReal() throws Exception {
        String file = fixture.staging().write("broken.yaml", "---\n{\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}\n");
        ToolFailedException e = assertThrows(ToolFailedException.class, () -> kubectl.apply(file, true));
        assertTrue(e.getMessage(), e.getMessage().contains("kind"));
    }
}
