package io.jenkins.plugins.kubedelivery.jenkins.canary;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.canary.CanaryShiftRequest;
import io.jenkins.plugins.kubedelivery.jenkins.support.CanaryClusters;
import io.jenkins.plugins.kubedelivery.jenkins.support.Checkpoints;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import io.jenkins.plugins.kubedelivery.jenkins.vault.VaultSecretKey;
import io.jenkins.plugins.kubedelivery.jenkins.vault.VaultSecretPath;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.SecretScan;
import io.jenkins.plugins.kubedelivery.testsupport.TestVault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * canaryShift with vaultSecrets: the request kept to resume the step holds the paths and keys only,
 * and the values are read again for each release installed or upgraded (canary, then the promoted
 * stable release), with the real helm and kubectl against the simulated cluster.
 */
public class CanaryVaultSecretsTest {
    private static final String PASSWORD = "canary-v4ult-Passw0rd-71b2";

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();
    @Rule
    public final TestCluster cluster = new TestCluster();
    @Rule
    public final SecretScan scan = new SecretScan();
    @Rule
    public final TestVault vault = new TestVault();

    private CanaryShiftStep step() {
        CanaryShiftStep step = new CanaryShiftStep("payments", "stage", "2.0.0");
        step.setRouter(new NginxCanaryRouter("payments"));
        step.setKubeconfigCredentialsId(StepFixture.CLUSTER_CREDENTIALS);
        step.setSteps(List.of(50, 100));
        step.setPause("1s");
        step.setInterval("1s");
        step.setVaultSecrets(List.of(new VaultSecretPath("secret/payments/stage", List.of(new VaultSecretKey("db_password",
                "db.password")))));
        return step;
    }

    @Test
    public void theKeptRequestHoldsPathsAndTheReleasesGetTheValues() throws Exception {
        vault.put(2, "secret/payments/stage", Map.of("db_password", scan.secret(PASSWORD)));
        StepFixture fixture = clusterFixture();
        Files.writeString(fixture.workspace.resolve("helm/payments/templates/secret.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: {{ .Release.Name }}-db
                data:
                  {{- with .Values.db }}
                  password: {{ .password | b64enc }}
                  {{- end }}
                """);
        // the stable release the canary runs beside, installed by hand: only canaryShift reads Vault
        CanaryClusters.helm(cluster, tmp, "upgrade", "--install", "payments", fixture.workspace.resolve("helm/payments").toString(),
                "--namespace", "stage");
        CanaryShiftStep step = step();
        CanaryShiftRequest request = step.settings("payments » main #7").toRequest();
        assertEquals("secret/payments/stage", request.deploy().vaultSecrets().paths().get(0).path());
        TestStepContext unstarted = fixture.context();
        StepExecution kept = step.start(unstarted);
        String checkpoint = new String(Checkpoints.write(kept, unstarted), StandardCharsets.ISO_8859_1);
        assertTrue("the resumable call keeps the path", checkpoint.contains("secret/payments/stage"));

        TestStepContext context = fixture.run(step, Duration.ofSeconds(90));

        assertNull(fixture.log(), context.failure());
        assertEquals("promoted", ((Map<?, ?>) context.result()).get("state"));
        String stored = kubectl("get", "secret", "payments-db", "-n", "stage", "-o", "jsonpath={.data.password}");
        assertEquals(PASSWORD, new String(Base64.getDecoder().decode(stored), StandardCharsets.UTF_8));
        assertEquals("read once, before the first command, for the canary and its promotion", 1, vault.pathsRead().size());
        assertFalse(checkpoint.contains(PASSWORD));
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    private StepFixture clusterFixture() throws Exception {
        return CanaryClusters.withStableIngress(cluster, tmp);
    }

    private String kubectl(String... arguments) throws Exception {
        return CanaryClusters.kubectl(cluster, tmp, arguments);
    }
}
