package io.jenkins.plugins.kubedelivery.jenkins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.jenkins.deploy.DeployServicesStep;
import io.jenkins.plugins.kubedelivery.jenkins.deploy.RollbackServiceStep;
import io.jenkins.plugins.kubedelivery.jenkins.preview.CreatePreviewNamespaceStep;
import io.jenkins.plugins.kubedelivery.jenkins.preview.DeletePreviewNamespaceStep;
import io.jenkins.plugins.kubedelivery.jenkins.preview.ReapPreviewNamespacesStep;
import io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies;
import io.jenkins.plugins.kubedelivery.jenkins.support.KubectlReplies;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepOutcome;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The validation gaps of issue 7, item 10, through the step classes: each input is refused before
 * any command, naming the parameter, or accepted with a rewrite the log tells.
 */
public class ValidationGapsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private StepFixture fixture;

    @Before
    public void setUp() throws Exception {
        fixture = StepFixture.canned(tmp.getRoot());
        HelmReplies.monorepo(fixture.workspace);
        HelmReplies.service(fixture.workspace, "search");
        fixture.environment.putAll(Map.of("CHANGE_ID", "42", "JOB_NAME", "shop/PR-42", "BRANCH_NAME", "PR-42"));
    }

    private void assertRefusedBeforeAnyCommand(String stepName, String parameter, Step step) throws Exception {
        StepOutcome outcome = StepOutcome.run(step, fixture);
        assertTrue(outcome.failure(), outcome.refused(stepName, parameter));
        assertEquals(List.of(), fixture.launcher.launches());
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    @Test
    public void aRollbackTimeoutHasTheDeploysUpperBound() throws Exception {
        RollbackServiceStep step = new RollbackServiceStep("payments", "prod");
        step.setTimeout("9999h");
        assertRefusedBeforeAnyCommand("rollbackService", "timeout", step);
        assertTrue(fixture.log(), !fixture.launcher.allArguments().contains("35996400s"));
    }

    @Test
    public void aTtlBelowTheDocumentedMinuteIsRefused() throws Exception {
        CreatePreviewNamespaceStep step = new CreatePreviewNamespaceStep();
        step.setTtl("30s");
        assertRefusedBeforeAnyCommand("createPreviewNamespace", "ttl", step);
    }

    @Test
    public void aBadFallbackValuesEnvironmentIsRefusedEvenWhenEveryServiceHasItsOwnValues() throws Exception {
        DeployServicesStep step = new DeployServicesStep(List.of("payments"), "stage");
        step.setFallbackValuesEnvironment("../x");
        assertRefusedBeforeAnyCommand("deployServices", "fallbackValuesEnvironment", step);
    }

    @Test
    public void deletingWithAPullRequestThatIsNoIdIsRefusedNotAlreadyGone() throws Exception {
        fixture.launcher.reply("kubectl", "namespace", KubectlReplies.absent());
        DeletePreviewNamespaceStep step = new DeletePreviewNamespaceStep();
        step.setPr("$(id)");
        step.setRepository("shop");
        assertRefusedBeforeAnyCommand("deletePreviewNamespace", "pr", step);
    }

    @Test
    public void reapingReadsPrDashNumberAsThatPullRequestAndKeepsItsPreview() throws Exception {
        fixture.launcher.reply("kubectl", "get", KubectlReplies.list(
                KubectlReplies.ownedPreview("pr-101-shop", "101", "shop", "2099-01-01T00:00:00Z")));
        ReapPreviewNamespacesStep step = new ReapPreviewNamespacesStep();
        step.setRepository("shop");
        step.setOpenPullRequests(List.of("PR-101"));

        StepOutcome outcome = StepOutcome.run(step, fixture);

        assertNull(outcome.failure(), outcome.failure());
        assertEquals(List.of(), ((Map<?, ?>) outcome.result()).get("deleted"));
        assertEquals(List.of("pr-101-shop"), ((Map<?, ?>) outcome.result()).get("kept"));
        assertTrue(fixture.launcher.allArguments(), !fixture.launcher.allArguments().contains("delete"));
    }

    @Test
    public void reapingRefusesAnOpenPullRequestThatIsNoId() throws Exception {
        ReapPreviewNamespacesStep step = new ReapPreviewNamespacesStep();
        step.setRepository("shop");
        step.setOpenPullRequests(List.of(41, "#101"));
        assertRefusedBeforeAnyCommand("reapPreviewNamespaces", "openPullRequests[1]", step);
    }

    @Test
    public void aSecretToCopyIsANameNotAPath() throws Exception {
        CreatePreviewNamespaceStep step = new CreatePreviewNamespaceStep();
        step.setCopySecrets(List.of("registry/pull"));
        step.setSecretsNamespace("preview-secrets");
        assertRefusedBeforeAnyCommand("createPreviewNamespace", "copySecrets", step);
    }

    @Test
    public void aBadServiceIsNamedByItsPositionInServices() throws Exception {
        assertRefusedBeforeAnyCommand("deployServices", "services[2]",
                new DeployServicesStep(List.of("payments", "search", "Search_Service"), "stage"));
    }

    @Test
    public void aRepositoryWithShellCharactersIsRefusedNotRewritten() throws Exception {
        CreatePreviewNamespaceStep step = new CreatePreviewNamespaceStep();
        step.setRepository("$(id)");
        assertRefusedBeforeAnyCommand("createPreviewNamespace", "repository", step);
    }

    @Test
    public void aNamePatternWithShellCharactersIsRefusedNotRewritten() throws Exception {
        DeletePreviewNamespaceStep step = new DeletePreviewNamespaceStep();
        step.setNamePattern("pr-{pr}-$(id)");
        assertRefusedBeforeAnyCommand("deletePreviewNamespace", "namePattern", step);
    }

    @Test
    public void aRepositoryThatIsOnlyNotDnsSafeIsRewrittenAndTheLogSaysSo() throws Exception {
        fixture.launcher.reply("kubectl", "create", KubectlReplies.created("pr-42-shop-frontend"))
                .reply("kubectl", "apply", KubectlReplies.applied("networkpolicy.networking.k8s.io/kube-delivery-default-deny"));
        CreatePreviewNamespaceStep step = new CreatePreviewNamespaceStep();
        step.setRepository("Shop.Frontend");

        StepOutcome outcome = StepOutcome.run(step, fixture);

        assertNull(outcome.failure(), outcome.failure());
        assertEquals("pr-42-shop-frontend", ((Map<?, ?>) outcome.result()).get("namespace"));
        assertTrue(fixture.log(), fixture.log().contains("namePattern gives 'pr-42-Shop.Frontend', which is not a valid namespace"
                + " name; using 'pr-42-shop-frontend'"));
    }
}
