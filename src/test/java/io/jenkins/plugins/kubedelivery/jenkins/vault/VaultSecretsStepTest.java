package io.jenkins.plugins.kubedelivery.jenkins.vault;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.jenkins.deploy.DeployServiceStep;
import io.jenkins.plugins.kubedelivery.jenkins.deploy.DeployServicesStep;
import io.jenkins.plugins.kubedelivery.jenkins.support.Checkpoints;
import io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.SecretScan;
import io.jenkins.plugins.kubedelivery.testsupport.TestVault;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * vaultSecrets through the step classes, the Vault plugin's API as declared (its test
 * implementation over {@link TestVault}), and the real helm 3 and 4 against the simulated cluster:
 * KV v1 and v2 secrets reach the release, a multi-line secret and one whose base64 form helm prints
 * show nowhere, a missing path or key stops the step before any command naming both, and an abort
 * mid-deploy leaves no secret in files, the log or the serialized execution ({@link SecretScan}
 * checks every captured output for every form of each secret).
 */
@RunWith(Parameterized.class)
public class VaultSecretsStepTest {
    static final String PASSWORD = "v4ult-Passw0rd-93ac";
    static final String CERTIFICATE = "-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASC\n"
            + "dmF1bHQtbXVsdGktbGluZS1rZXk9\n-----END PRIVATE KEY-----";
    static final String TOKEN = "kv1-api-token-5f0e2d";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();
    @Rule
    public final TestCluster cluster = new TestCluster();
    @Rule
    public final SecretScan scan = new SecretScan();
    @Rule
    public final TestVault vault = new TestVault();

    private final String helmVersion;
    private StepFixture fixture;

    public VaultSecretsStepTest(String helmVersion) {
        this.helmVersion = helmVersion;
    }

    @Parameters(name = "helm {0}")
    public static Collection<Object[]> versions() {
        return Tools.helmParameters();
    }

    @Before
    public void aVaultAndAChartThatUsesItsSecrets() throws Exception {
        cluster.createNamespace("stage");
        fixture = StepFixture.against(cluster, helmVersion, tmp.newFolder("build"));
        HelmReplies.monorepo(fixture.workspace);
        secretChart(fixture.workspace.resolve("helm/payments/templates"));
        vault.put(2, "secret/payments/stage", Map.of("db_password", scan.secret(PASSWORD), "tls_key", scan.secret(CERTIFICATE)))
                .put(1, "kv/payments", Map.of("api_token", scan.secret(TOKEN), "empty", ""));
    }

    /** A Secret holding the values, and a template that fails printing the password's base64 when asked to. */
    static void secretChart(Path templates) throws Exception {
        Files.writeString(templates.resolve("secret.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: {{ .Release.Name }}-vault
                data:
                  {{- with .Values.db }}
                  password: {{ .password | b64enc }}
                  {{- end }}
                  {{- with .Values.tls }}
                  key: {{ .key | b64enc }}
                  {{- end }}
                  {{- with .Values.api }}
                  token: {{ .token | b64enc }}
                  {{- end }}
                """);
        Files.writeString(templates.resolve("check.yaml"), """
                {{- if .Values.refuse }}
                {{- fail (printf "the database refused %s" (b64enc .Values.db.password)) }}
                {{- end }}
                """);
    }

    static VaultSecretPath path(String path, Integer engineVersion, String... keyThenValuesKey) {
        List<VaultSecretKey> keys = new java.util.ArrayList<>();
        for (int i = 0; i < keyThenValuesKey.length; i += 2) {
            keys.add(new VaultSecretKey(keyThenValuesKey[i], keyThenValuesKey[i + 1]));
        }
        VaultSecretPath entry = new VaultSecretPath(path, keys);
        entry.setEngineVersion(engineVersion);
        return entry;
    }

    private DeployServiceStep step(VaultSecretPath... paths) {
        DeployServiceStep step = new DeployServiceStep("payments", "stage");
        step.setKubeconfigCredentialsId(StepFixture.CLUSTER_CREDENTIALS);
        step.setTimeout("30s");
        step.setVaultSecrets(List.of(paths));
        return step;
    }

    private String stored(String key) {
        String base64 = cluster.object("v1", "Secret", "stage", "payments-vault").orElseThrow().at("/data/" + key).asText();
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    @Test
    public void kvVersion2AndVersion1SecretsReachTheReleaseAndShowNowhere() throws Exception {
        TestStepContext context = fixture.run(step(path("secret/payments/stage", 2, "db_password", "db.password", "tls_key", "tls.key"),
                path("kv/payments", 1, "api_token", "api.token")), WAIT);

        assertNull(String.valueOf(context.failure()), context.failure());
        assertEquals(PASSWORD, stored("password"));
        assertEquals(CERTIFICATE, stored("key"));
        assertEquals(TOKEN, stored("token"));
        assertEquals("each path read with its own engine version, at the admins' Vault with their credential",
                List.of(TestVault.ADMIN_URL + " " + TestVault.ADMIN_CREDENTIAL + " v2 secret/payments/stage",
                        TestVault.ADMIN_URL + " " + TestVault.ADMIN_CREDENTIAL + " v1 kv/payments"), vault.pathsRead());
        assertTrue(fixture.log(), fixture.log().contains("Read 3 secret values from Vault (secret/payments/stage (KV v2),"
                + " kv/payments (KV v1)) in "));
        assertTrue(fixture.log(), fixture.log().contains("secret values for db.password, tls.key, api.token (masked in every output)"));
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    @Test
    public void theStepsVaultUrlAndCredentialOverrideTheConfiguredOnes() throws Exception {
        DeployServiceStep step = step(path("secret/payments/stage", null, "db_password", "db.password"));
        step.setVaultUrl("https://vault.payments.example.com:8200");
        step.setVaultCredentialId("payments-vault-token");

        TestStepContext context = fixture.run(step, WAIT);

        assertNull(String.valueOf(context.failure()), context.failure());
        assertEquals(List.of("https://vault.payments.example.com:8200 payments-vault-token v2 secret/payments/stage"), vault.pathsRead());
        assertEquals("the step's configuration asks for a missing path to fail", Boolean.TRUE,
                vault.configurations().get(0).getFailIfNotFound());
        assertEquals(PASSWORD, stored("password"));
    }

    @Test
    public void aSecretWhoseBase64HelmPrintsIsMasked() throws Exception {
        DeployServiceStep step = step(path("secret/payments/stage", 2, "db_password", "db.password"));
        step.setValues(Map.of("refuse", true));

        TestStepContext context = fixture.run(step, WAIT);

        assertNotNull("the template failed the deploy", context.failure());
        String message = context.failure().getMessage();
        assertTrue(message, message.startsWith("deployService: helm upgrade exited 1: "));
        assertTrue(message, message.contains("the database refused <masked-1>"));
    }

    @Test
    public void aMissingPathStopsTheStepBeforeAnyCommandNamingPathAndKeys() throws Exception {
        TestStepContext context = fixture.run(step(path("secret/payments/nope", 2, "db_password", "db.password")), WAIT);

        assertEquals("deployService: vaultSecrets: cannot read Vault path 'secret/payments/nope' (keys db_password):"
                + " Vault credentials not found for 'secret/payments/nope'", context.failure().getMessage());
        assertEquals(List.of(), fixture.launcher.launches());
    }

    @Test
    public void aVersion2SecretAskedForAsVersion1IsNotFound() throws Exception {
        TestStepContext context = fixture.run(step(path("secret/payments/stage", 1, "db_password", "db.password")), WAIT);

        assertTrue(context.failure().getMessage(), context.failure().getMessage().contains(
                "cannot read Vault path 'secret/payments/stage' (keys db_password)"));
        assertEquals(List.of(), fixture.launcher.launches());
    }

    @Test
    public void aMissingOrEmptyKeyStopsTheStepBeforeAnyCommandNamingPathAndKey() throws Exception {
        TestStepContext missing = fixture.run(step(path("secret/payments/stage", 2, "db_password", "db.password",
                "db_user", "db.user")), WAIT);
        TestStepContext empty = fixture.run(step(path("kv/payments", 1, "empty", "api.token")), WAIT);

        assertEquals("deployService: vaultSecrets: Vault path 'secret/payments/stage' has no key 'db_user' (for values path"
                + " db.user); add the key in Vault or correct the mapping", missing.failure().getMessage());
        assertEquals("deployService: vaultSecrets: Vault path 'kv/payments' has an empty value for key 'empty' (for values path"
                + " api.token); add the key in Vault or correct the mapping", empty.failure().getMessage());
        assertEquals(List.of(), fixture.launcher.launches());
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    @Test
    public void deployServicesReadsVaultOnceForEveryService() throws Exception {
        HelmReplies.service(fixture.workspace, "search");
        secretChart(fixture.workspace.resolve("helm/search/templates"));
        DeployServicesStep step = new DeployServicesStep(List.of("payments", "search"), "stage");
        step.setKubeconfigCredentialsId(StepFixture.CLUSTER_CREDENTIALS);
        step.setTimeout("30s");
        step.setVaultSecrets(List.of(path("secret/payments/stage", 2, "tls_key", "tls.key")));

        TestStepContext context = fixture.run(step, WAIT);

        assertNull(String.valueOf(context.failure()), context.failure());
        assertEquals(1, vault.pathsRead().size());
        assertEquals(CERTIFICATE, stored("key"));
        String search = cluster.object("v1", "Secret", "stage", "search-vault").orElseThrow().at("/data/key").asText();
        assertEquals(CERTIFICATE, new String(Base64.getDecoder().decode(search), StandardCharsets.UTF_8));
    }

    @Test
    public void deliveryYamlGivesEachServiceItsSecretsForTheEnvironmentUnlessTheStepNamesItsOwn() throws Exception {
        Files.writeString(fixture.workspace.resolve("delivery.yaml"), """
                services:
                  payments:
                    vaultSecrets:
                      stage:
                        - path: secret/payments/stage
                          engineVersion: 2
                          values: {db_password: db.password}
                """);

        TestStepContext fromFile = fixture.run(step(), WAIT);

        assertNull(String.valueOf(fromFile.failure()), fromFile.failure());
        assertEquals(PASSWORD, stored("password"));
        assertTrue(fixture.log(), fixture.log().contains("From delivery.yaml for payments in environment stage: vaultSecrets"
                + " secret/payments/stage (KV v2)"));

        TestStepContext own = fixture.run(step(path("kv/payments", 1, "api_token", "api.token")), WAIT);

        assertNull(String.valueOf(own.failure()), own.failure());
        assertEquals(TOKEN, stored("token"));
        assertEquals("the step's own path, not the file's", TestVault.ADMIN_URL + " " + TestVault.ADMIN_CREDENTIAL + " v1 kv/payments",
                vault.pathsRead().get(1));
    }

    @Test
    public void anAbortMidDeployLeavesNoSecretInFilesLogOrTheSerializedExecution() throws Exception {
        DeployServiceStep first = step(path("secret/payments/stage", 2, "db_password", "db.password", "tls_key", "tls.key"));
        first.setImageTag("1.0");
        assertNull(String.valueOf(fixture.run(first, WAIT).failure()), fixture.run(first, WAIT).failure());
        cluster.failImagesWithTag("stalls").failAfter(Duration.ofMinutes(5));
        DeployServiceStep stalling = step(path("secret/payments/stage", 2, "db_password", "db.password", "tls_key", "tls.key"));
        stalling.setImageTag("stalls");
        stalling.setTimeout("2m");
        TestStepContext context = fixture.context();
        StepExecution execution = stalling.start(context);
        execution.start();
        awaitState("pending-upgrade v3");
        Path stagingDirectory = fixture.stagingDirectories().get(0);
        assertTrue("the values file with the secrets is there while helm runs", containsSecret(stagingDirectory));
        String checkpoint = new String(Checkpoints.write(execution, context), StandardCharsets.ISO_8859_1);

        Exception cause = new InterruptedException("aborted by a user");
        execution.stop(cause);

        assertTrue("the step completed", context.await(Duration.ofMinutes(7)));
        assertSame(cause, context.failure());
        assertEquals("rolled back to revision 2 as revision 4", Optional.of("deployed v4"), cluster.releaseState("stage", "payments"));
        assertEquals(List.of(), fixture.stagingDirectories());
        assertFalse("the staging directory is gone", Files.exists(stagingDirectory));
        for (String secret : List.of(PASSWORD, CERTIFICATE)) {
            for (String form : List.of(secret, Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)))) {
                assertFalse("a checkpoint mid-deploy holds no secret", checkpoint.contains(form));
            }
        }
        assertTrue(fixture.log(), fixture.log().contains("Release payments restored after the interruption"));
    }

    private static boolean containsSecret(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file) && Files.readString(file).contains("v4ult-Passw0rd")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void awaitState(String state) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (cluster.releaseState("stage", "payments").equals(Optional.of(state))) {
                Thread.sleep(200);
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("payments never reached " + state + ": " + cluster.releaseState("stage", "payments") + "\n" + fixture.log());
    }
}
