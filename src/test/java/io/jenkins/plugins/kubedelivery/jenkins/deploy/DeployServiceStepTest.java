package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.jenkins.support.Checkpoints;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** deployService through its adapter, up to the engine call. */
public class DeployServiceStepTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void unsetParametersTakeTheDocumentedDefaults() {
        DeployRequest request = new DeployServiceStep("payments", "stage").toRequest();

        assertEquals("payments", request.service());
        assertEquals("stage", request.environment());
        assertNull("namespace follows the environment (engine convention)", request.namespace());
        assertNull(request.release());
        assertNull(request.chart());
        assertNull(request.chartVersion());
        assertEquals(List.of(), request.valuesFiles());
        assertEquals(Map.of(), request.values());
        assertNull(request.imageTag());
        assertNull(request.imageRepository());
        assertEquals("image.tag", request.imageTagKey());
        assertEquals("image.repository", request.imageRepositoryKey());
        assertEquals(Duration.ofMinutes(5), request.timeout());
        assertTrue(request.waitForReady());
        assertTrue(request.atomic());
        assertEquals(10, request.historyMax());
        assertFalse(request.createNamespace());
        assertFalse(request.dryRun());
        assertFalse(request.recoverStuckRelease());
    }

    @Test
    public void everyParameterReachesTheRequest() {
        DeployServiceStep step = new DeployServiceStep(" payments ", "prod");
        step.setNamespace("payments-prod");
        step.setRelease("payments-eu");
        step.setChart("charts/payments");
        step.setVersion("1.4.0");
        step.setValuesFiles(List.of("helm/payments/values.yaml", "helm/payments/values.eu.yaml"));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("replicaCount", 3);
        step.setValues(values);
        step.setSecretValues(Map.of("db.password", new StringBuilder("from-a-GString")));
        step.setImageTag("1.4.0-abc123");
        step.setImageRepository("registry.example.com/payments");
        step.setImageTagKey("app.image.tag");
        step.setImageRepositoryKey("app.image.repository");
        step.setTimeout("1h30m");
        step.setWait(false);
        step.setAtomic(false);
        step.setHistoryMax(3);
        step.setCreateNamespace(true);
        step.setDryRun(true);
        step.setRecoverStuckRelease(true);

        DeployRequest request = step.toRequest();

        assertEquals("payments", request.service());
        assertEquals("payments-prod", request.namespace());
        assertEquals("payments-eu", request.release());
        assertEquals("charts/payments", request.chart());
        assertEquals("1.4.0", request.chartVersion());
        assertEquals(List.of("helm/payments/values.yaml", "helm/payments/values.eu.yaml"), request.valuesFiles());
        assertEquals(Map.of("replicaCount", 3), request.values());
        assertEquals(Map.of("db.password", "from-a-GString"), request.secretValues());
        assertEquals("1.4.0-abc123", request.imageTag());
        assertEquals("registry.example.com/payments", request.imageRepository());
        assertEquals("app.image.tag", request.imageTagKey());
        assertEquals("app.image.repository", request.imageRepositoryKey());
        assertEquals(Duration.ofMinutes(90), request.timeout());
        assertFalse(request.waitForReady());
        assertFalse(request.atomic());
        assertEquals(3, request.historyMax());
        assertTrue(request.createNamespace());
        assertTrue(request.dryRun());
        assertTrue(request.recoverStuckRelease());
    }

    @Test
    public void blankFormFieldsMeanTheDefault() {
        DeployServiceStep step = new DeployServiceStep("payments", "stage");
        step.setNamespace(" ");
        step.setTimeout("");
        step.setImageTagKey("");
        step.setKubeconfigCredentialsId("");

        assertNull(step.getNamespace());
        assertEquals("5m", step.getTimeout());
        assertEquals("image.tag", step.getImageTagKey());
        assertNull(step.getKubeconfigCredentialsId());
    }

    @Test
    public void badParametersAreRefusedBeforeAnyCommandNamingTheParameter() throws Exception {
        assertRefused("timeout", step -> step.setTimeout("5 minutes"));
        assertRefused("values", step -> step.setValues(Map.of("resources", new Object())));
        assertRefused("server", step -> step.setServer("https://k8s.example.com"));
        assertRefused("kubeContext", step -> {
            step.setKubeconfigCredentialsId("stage-kubeconfig");
            step.setKubeContext("stage`id`");
        });
        assertRefused("service", step -> {}, new DeployServiceStep(" ", "stage"));
        assertRefused("environment", step -> {}, new DeployServiceStep("payments", null));
    }

    private void assertRefused(String parameter, Consumer<DeployServiceStep> setUp) throws Exception {
        assertRefused(parameter, setUp, new DeployServiceStep("payments", "stage"));
    }

    private void assertRefused(String parameter, Consumer<DeployServiceStep> setUp, DeployServiceStep step) throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.newFolder());
        setUp.accept(step);
        try {
            step.start(fixture.context());
            fail("accepted a bad " + parameter);
        } catch (AbortException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("deployService: " + parameter + ": "));
        }
        assertEquals(0, fixture.launcher.launches().size());
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    @Test
    public void unknownCredentialsFailTheStepBeforeAnyCommand() throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.getRoot());
        TestStepContext context = fixture.context();
        DeployServiceStep step = new DeployServiceStep("payments", "stage");
        step.setKubeconfigCredentialsId("stage-kubeconfig");

        step.start(context).start();

        assertTrue(context.await(Duration.ofSeconds(20)));
        assertTrue(context.failure().getMessage(), context.failure().getMessage()
                .startsWith("deployService: kubeconfigCredentialsId: no credentials with id 'stage-kubeconfig'"));
        assertEquals(0, fixture.launcher.launches().size());
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    @Test
    public void theDescriptorNamesTheStepAndItsContext() {
        DeployServiceStep.DescriptorImpl descriptor = new DeployServiceStep.DescriptorImpl();

        assertEquals("deployService", descriptor.getFunctionName());
        assertEquals(Set.of(Run.class, TaskListener.class, Launcher.class, FilePath.class, EnvVars.class),
                descriptor.getRequiredContext());
        assertEquals(DeployServiceStep.class, descriptor.clazz);
        assertTrue(descriptor.getClass().getAnnotation(org.jenkinsci.Symbol.class).value()[0].equals("deployService"));
    }

    @Test
    public void aCheckpointNeverHoldsTheToken() throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.getRoot());
        fixture.credentials.secretText("stage-token", "token-that-must-stay-in-memory");
        DeployServiceStep step = new DeployServiceStep("payments", "stage");
        step.setKubeconfigCredentialsId("stage-token");
        step.setServer("https://k8s.example.com");
        TestStepContext context = fixture.context();
        StepExecution execution = step.start(context);
        execution.start();
        assertTrue(context.await(Duration.ofSeconds(20)));

        String written = new String(Checkpoints.write(execution, context), java.nio.charset.StandardCharsets.ISO_8859_1);

        assertEquals("the token was read", List.of("stage-token"), fixture.credentials.lookedUp());
        assertTrue("the parameters were written", written.contains("k8s.example.com"));
        assertFalse(written.contains("token-that-must-stay-in-memory"));
    }

    /** A controller restart: the execution is written to disk and read back, then resumed. */
    @Test
    public void afterARestartTheStepFailsWithAdvice() throws Exception {
        DeployServiceStep step = new DeployServiceStep("payments", "stage");
        step.setValues(Map.of("replicaCount", 2));
        step.setKubeconfigCredentialsId("stage-kubeconfig");
        TestStepContext before = StepFixture.canned(tmp.getRoot()).context();
        StepExecution execution = step.start(before);

        TestStepContext after = new TestStepContext();
        StepExecution restored = Checkpoints.restart(execution, before, after);
        restored.onResume();

        assertTrue(after.isCompleted());
        String message = after.failure().getMessage();
        assertTrue(after.failure() instanceof AbortException);
        assertTrue(message, message.startsWith("deployService: the Jenkins controller restarted while this step was running"));
        assertTrue(message, message.contains("payments in environment stage"));
        assertTrue(message, message.contains("recoverStuckRelease: true"));
    }

}
