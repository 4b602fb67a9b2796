package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.jenkins.support.Checkpoints;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** deployServices through its adapter, up to the engine call. */
public class DeployServicesStepTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void unsetParametersTakeTheDocumentedDefaults() {
        DeployServicesStep step = new DeployServicesStep(List.of("payments", "search"), "preview");
        DeployRequest template = step.toTemplate(step.getServices());

        assertEquals(List.of("payments", "search"), step.getServices());
        assertEquals(4, step.getParallelism());
        assertEquals("preview", template.environment());
        assertNull("stage values for previews is the engine's default", template.fallbackValuesEnvironment());
        assertNull(template.namespace());
        assertNull(template.imageTag());
        assertEquals("image.tag", template.imageTagKey());
        assertEquals(Duration.ofMinutes(5), template.timeout());
        assertTrue(template.waitForReady());
        assertTrue(template.atomic());
        assertEquals(10, template.historyMax());
        assertFalse(template.createNamespace());
        assertFalse(template.dryRun());
        assertFalse(template.recoverStuckRelease());
    }

    @Test
    public void everyParameterReachesTheTemplateAsDeployServiceWouldSetIt() {
        DeployServicesStep step = new DeployServicesStep(List.of("payments", "search"), "preview");
        step.setNamespace("pr-42-shop");
        step.setParallelism(2);
        step.setFallbackValuesEnvironment("dev");
        step.setValuesFiles(List.of("helm/preview-common.yaml"));
        step.setValues(Map.of("replicaCount", 1));
        step.setImageTag("pr-42-abc1234");
        step.setImageRepository("registry.example.com/all");
        step.setImageTagKey("app.image.tag");
        step.setImageRepositoryKey("app.image.repository");
        step.setTimeout("10m");
        step.setWait(false);
        step.setAtomic(false);
        step.setHistoryMax(3);
        step.setCreateNamespace(true);
        step.setDryRun(true);
        step.setRecoverStuckRelease(true);

        DeployRequest search = step.toTemplate(step.getServices()).forService("search");

        assertEquals(2, step.getParallelism());
        assertEquals("search", search.service());
        assertNull("each service keeps its own release", search.release());
        assertEquals("pr-42-shop", search.namespace());
        assertEquals("dev", search.fallbackValuesEnvironment());
        assertEquals(List.of("helm/preview-common.yaml"), search.valuesFiles());
        assertEquals(Map.of("replicaCount", 1), search.values());
        assertEquals("pr-42-abc1234", search.imageTag());
        assertEquals("registry.example.com/all", search.imageRepository());
        assertEquals("app.image.tag", search.imageTagKey());
        assertEquals("app.image.repository", search.imageRepositoryKey());
        assertEquals(Duration.ofMinutes(10), search.timeout());
        assertFalse(search.waitForReady());
        assertFalse(search.atomic());
        assertEquals(3, search.historyMax());
        assertTrue(search.createNamespace());
        assertTrue(search.dryRun());
        assertTrue(search.recoverStuckRelease());
    }

    @Test
    public void badParametersAreRefusedBeforeAnyCommandNamingTheParameter() throws Exception {
        assertRefusedAtStart("parallelism", step -> step.setParallelism(0));
        assertRefusedAtStart("timeout", step -> step.setTimeout("ten minutes"));
        assertRefusedAtStart("services[1]", step -> {}, new DeployServicesStep(Arrays.asList("payments", null), "preview"));
        assertRefusedAtStart("environment", step -> {}, new DeployServicesStep(List.of("payments"), " "));
        assertRefusedAtStart("server", step -> step.setServer("https://k8s.example.com"));
    }

    @Test
    public void theEngineRefusesEmptyAndRepeatedServicesBeforeAnyCommand() throws Exception {
        for (List<String> services : List.of(List.<String>of(), List.of("payments", "payments"))) {
            StepFixture fixture = StepFixture.canned(tmp.newFolder());
            TestStepContext context = fixture.context();
            new DeployServicesStep(services, "preview").start(context).start();

            assertTrue(context.await(Duration.ofSeconds(20)));
            assertTrue(String.valueOf(context.failure()), context.failure() instanceof AbortException);
            assertTrue(context.failure().getMessage(), context.failure().getMessage().startsWith("deployServices: services: "));
            assertEquals(0, fixture.launcher.launches().size());
            assertEquals(List.of(), fixture.stagingDirectories());
        }
    }

    private void assertRefusedAtStart(String parameter, Consumer<DeployServicesStep> setUp) throws Exception {
        assertRefusedAtStart(parameter, setUp, new DeployServicesStep(List.of("payments", "search"), "preview"));
    }

    private void assertRefusedAtStart(String parameter, Consumer<DeployServicesStep> setUp, DeployServicesStep step) throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.newFolder());
        setUp.accept(step);
        try {
            step.start(fixture.context());
            fail("accepted a bad " + parameter);
        } catch (AbortException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("deployServices: " + parameter + ": "));
        }
        assertEquals(0, fixture.launcher.launches().size());
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    @Test
    public void theDescriptorNamesTheStep() {
        DeployServicesStep.DescriptorImpl descriptor = new DeployServicesStep.DescriptorImpl();

        assertEquals("deployServices", descriptor.getFunctionName());
        assertEquals(DeployServicesStep.class, descriptor.clazz);
        assertEquals("deployServices", descriptor.getClass().getAnnotation(org.jenkinsci.Symbol.class).value()[0]);
    }

    /** The Snippet Generator's form sends services as the textarea's text; the descriptor makes it the list the step takes. */
    @Test
    public void theFormsServicesTextBecomesAListBeforeStaplerBindsIt() throws Exception {
        net.sf.json.JSONObject form = new net.sf.json.JSONObject();
        form.put("services", "payments\n search\n\n");
        form.put("environment", "preview");
        try {
            new DeployServicesStep.DescriptorImpl().newInstance(null, form);
        } catch (UnsupportedOperationException bindingNeedsARunningJenkins) {
            // the compile-only Descriptor stands in for Stapler's binding, which runs only in Jenkins
        }
        assertEquals(List.of("payments", "search"), form.get("services"));
        assertEquals("preview", form.get("environment"));
    }

    @Test
    public void afterARestartTheStepFailsWithAdviceNamingTheServices() throws Exception {
        DeployServicesStep step = new DeployServicesStep(List.of("payments", "search"), "preview");
        step.setNamespace("pr-42-shop");
        TestStepContext before = StepFixture.canned(tmp.getRoot()).context();
        StepExecution execution = step.start(before);

        TestStepContext after = new TestStepContext();
        Checkpoints.restart(execution, before, after).onResume();

        String message = after.failure().getMessage();
        assertTrue(message, message.startsWith("deployServices: the Jenkins controller restarted while this step was running"));
        assertTrue(message, message.contains("2 services (payments, search) in namespace pr-42-shop"));
        assertTrue(message, message.contains("recoverStuckRelease: true"));
    }
}
