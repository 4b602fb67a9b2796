package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.engine.deploy.RollbackRequest;
import io.jenkins.plugins.kubedelivery.jenkins.support.Checkpoints;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import java.time.Duration;
import java.util.function.Consumer;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** rollbackService through its adapter, up to the engine call. */
public class RollbackServiceStepTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void unsetParametersTakeTheDocumentedDefaults() {
        RollbackRequest request = new RollbackServiceStep("payments", "prod").toRequest();

        assertEquals(new RollbackRequest("payments", "prod", null, null, 0, Duration.ofMinutes(5), true), request);
    }

    @Test
    public void everyParameterReachesTheRequest() {
        RollbackServiceStep step = new RollbackServiceStep("payments", "prod");
        step.setNamespace("payments-prod");
        step.setRelease("payments-eu");
        step.setToRevision(4);
        step.setTimeout("90s");
        step.setWait(false);

        RollbackRequest request = step.toRequest();

        assertEquals(new RollbackRequest("payments", "prod", "payments-prod", "payments-eu", 4, Duration.ofSeconds(90), false),
                request);
    }

    @Test
    public void badParametersAreRefusedBeforeAnyCommandNamingTheParameter() throws Exception {
        assertRefused("toRevision", step -> step.setToRevision(-1));
        assertRefused("timeout", step -> step.setTimeout("soon"));
        assertRefused("server", step -> step.setServer("https://k8s.example.com"));
        assertRefused("kubeContext", step -> step.setKubeContext("prod"));
    }

    private void assertRefused(String parameter, Consumer<RollbackServiceStep> setUp) throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.newFolder());
        RollbackServiceStep step = new RollbackServiceStep("payments", "prod");
        setUp.accept(step);
        try {
            step.start(fixture.context());
            fail("accepted a bad " + parameter);
        } catch (AbortException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("rollbackService: " + parameter + ": "));
        }
        assertEquals(0, fixture.launcher.launches().size());
    }

    @Test
    public void theDescriptorNamesTheStep() {
        RollbackServiceStep.DescriptorImpl descriptor = new RollbackServiceStep.DescriptorImpl();

        assertEquals("rollbackService", descriptor.getFunctionName());
        assertEquals(RollbackServiceStep.class, descriptor.clazz);
        assertFalse(descriptor.takesImplicitBlockArgument());
    }

    @Test
    public void afterARestartTheStepFailsWithAdvice() throws Exception {
        RollbackServiceStep step = new RollbackServiceStep("payments", "prod");
        step.setToRevision(3);
        TestStepContext before = StepFixture.canned(tmp.getRoot()).context();
        StepExecution execution = step.start(before);

        TestStepContext after = new TestStepContext();
        Checkpoints.restart(execution, before, after).onResume();

        String message = after.failure().getMessage();
        assertTrue(message, message.startsWith("rollbackService: the Jenkins controller restarted"));
        assertTrue(message, message.contains("payments in environment prod to revision 3"));
        assertNull(after.result());
    }
}
