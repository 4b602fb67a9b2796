package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.SecretScan;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * secretValues through the step classes, with the real helm 3 and 4 against the simulated
 * cluster: a chart whose template quotes the secret in its {@code fail} message, a Secret that
 * carries it base64-encoded, and a dry run that renders it. Failure message, build log, result
 * and argv show it in no form (the {@link SecretScan} rule checks every captured output).
 */
@RunWith(Parameterized.class)
public class SecretValuesStepTest {
    static final String SINGLE_LINE = "s3cr3t-Passw0rd-4d9f";
    static final String MULTI_LINE = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"
            + "bmV2ZXItc2hvdy10aGlzLWxpbmU9\n-----END PRIVATE KEY-----";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();
    @Rule
    public final TestCluster cluster = new TestCluster();
    @Rule
    public final SecretScan scan = new SecretScan();

    private final String helmVersion;
    private StepFixture fixture;

    public SecretValuesStepTest(String helmVersion) {
        this.helmVersion = helmVersion;
    }

    @Parameters(name = "helm {0}")
    public static Collection<Object[]> versions() {
        return Tools.helmParameters();
    }

    @Before
    public void aChartThatQuotesItsSecret() throws Exception {
        cluster.createNamespace("stage");
        fixture = StepFixture.against(cluster, helmVersion, tmp.newFolder("build"));
        HelmReplies.monorepo(fixture.workspace);
        secretChart(fixture.workspace.resolve("helm/payments/templates"));
    }

    /** A Secret holding the password, and a template that fails quoting it when asked to. */
    static void secretChart(Path templates) throws Exception {
        Files.writeString(templates.resolve("secret.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: {{ .Release.Name }}-db
                data:
                  password: {{ .Values.db.password | b64enc }}
                """);
        Files.writeString(templates.resolve("check.yaml"), """
                {{- if .Values.refuse }}
                {{- fail (printf "the database refused the password %s for user app" .Values.db.password) }}
                {{- end }}
                """);
    }

    private DeployServiceStep step(String password) {
        DeployServiceStep step = new DeployServiceStep("payments", "stage");
        step.setKubeconfigCredentialsId(StepFixture.CLUSTER_CREDENTIALS);
        step.setTimeout("30s");
        step.setSecretValues(Map.of("db.password", scan.secret(password)));
        return step;
    }

    private TestStepContext run(Step step) throws Exception {
        return fixture.run(step, WAIT);
    }

    @Test
    public void aTemplateFailureQuotingASingleLineSecretShowsItNowhere() throws Exception {
        DeployServiceStep step = step(SINGLE_LINE);
        step.setValues(Map.of("refuse", true));

        TestStepContext context = run(step);

        assertNotNull("the template failed the deploy", context.failure());
        String message = context.failure().getMessage();
        assertTrue(message, message.startsWith("deployService: helm upgrade exited 1: "));
        assertTrue(message, message.contains("the database refused the password <masked-1> for user app"));
    }

    @Test
    public void aTemplateFailureQuotingAMultiLineSecretShowsNoLineOfIt() throws Exception {
        DeployServiceStep step = step(MULTI_LINE);
        step.setValues(Map.of("refuse", true));

        TestStepContext context = run(step);

        assertNotNull("the template failed the deploy", context.failure());
        String message = context.failure().getMessage();
        assertTrue(message, message.startsWith("deployService: helm upgrade exited 1: "));
        assertTrue(message, message.contains("the database refused the password "));
        assertFalse(message, message.contains("\n"));
    }

    @Test
    public void aDeployDeliversTheSecretAndShowsItNowhere() throws Exception {
        TestStepContext context = run(step(MULTI_LINE));

        assertNull(String.valueOf(context.failure()), context.failure());
        assertEquals(1, ((Map<?, ?>) context.result()).get("revision"));
        String stored = cluster.object("v1", "Secret", "stage", "payments-db").orElseThrow().at("/data/password").asText();
        assertEquals(MULTI_LINE, new String(Base64.getDecoder().decode(stored), StandardCharsets.UTF_8));
        assertTrue(fixture.log(), fixture.log().contains("secret values for db.password (masked in every output)"));
    }

    @Test
    public void aDryRunShowsTheSecretNowhere() throws Exception {
        // A chart that (unwisely) puts the password in a ConfigMap, whose changes a dry run shows in full.
        Files.writeString(fixture.workspace.resolve("helm/payments/templates/dsn.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Release.Name }}-dsn
                data:
                  dsn: "postgres://app:{{ .Values.db.password }}@db:5432/app"
                """);
        run(step(SINGLE_LINE));
        DeployServiceStep dryRun = step(SINGLE_LINE + "-rotated");
        dryRun.setDryRun(true);

        TestStepContext context = run(dryRun);

        assertNull(String.valueOf(context.failure()), context.failure());
        Map<?, ?> result = (Map<?, ?>) context.result();
        assertEquals("dry-run", result.get("status"));
        assertTrue(String.valueOf(result.get("diff")), String.valueOf(result.get("diff")).contains("postgres://app:<masked-2>@db:5432/app"));
    }

    @Test
    public void deployServicesMasksTheSecretOfEveryService() throws Exception {
        HelmReplies.service(fixture.workspace, "search");
        secretChart(fixture.workspace.resolve("helm/search/templates"));
        Files.writeString(fixture.workspace.resolve("helm/search/values.yaml"), "replicaCount: 1\n");
        DeployServicesStep step = new DeployServicesStep(List.of("payments", "search"), "stage");
        step.setKubeconfigCredentialsId(StepFixture.CLUSTER_CREDENTIALS);
        step.setTimeout("30s");
        step.setSecretValues(Map.of("db.password", scan.secret(MULTI_LINE)));
        step.setValues(Map.of("refuse", true));

        TestStepContext context = run(step);

        String message = context.failure().getMessage();
        assertTrue(message, message.startsWith("deployServices: 2 of 2 services failed to deploy"));
        assertTrue(message, message.contains("the database refused the password "));
    }
}
