package io.jenkins.plugins.kubedelivery.jenkins.preview;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.eclipsesource.json.JsonObject;
import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.jenkins.support.Checkpoints;
import io.jenkins.plugins.kubedelivery.jenkins.support.KubectlReplies;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import io.jenkins.plugins.kubedelivery.engine.preview.DeletePreviewRequest;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** deletePreviewNamespace: its parameters, and end to end against canned kubectl outputs. */
public class DeletePreviewNamespaceStepTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final PullRequestEnvironment PR_BUILD = new PullRequestEnvironment("42", "feature/pay", "0123abc", null, "shop");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private StepFixture fixture;

    /** The DeleteOptions each delete was given, read while it ran. */
    private final List<String> deleteOptions = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Before
    public void setUp() throws Exception {
        fixture = StepFixture.canned(tmp.getRoot());
        fixture.launcher.onLaunch(launch -> {
            if (launch.cmds().contains("--raw")) {
                try {
                    deleteOptions.add(java.nio.file.Files.readString(java.nio.file.Path.of(
                            launch.cmds().get(launch.cmds().indexOf("--filename") + 1))));
                } catch (java.io.IOException e) {
                    deleteOptions.add("unreadable: " + e);
                }
            }
        });
    }

    private TestStepContext run(DeletePreviewNamespaceStep step) throws Exception {
        TestStepContext context = fixture.context();
        assertFalse(step.start(context).start());
        assertTrue("the step completed", context.await(WAIT));
        return context;
    }

    @Test
    public void inAPullRequestBuildThePreviewFollowsFromTheEnvironment() {
        DeletePreviewRequest parameters = new DeletePreviewNamespaceStep().toRequest(PR_BUILD);

        assertEquals("42", parameters.pr());
        assertEquals("shop", parameters.repository());
        assertNull(parameters.namespace());
        assertNull("unset: delivery.yaml's or the default", parameters.namePattern());
        assertFalse("does not wait by default", parameters.waitForDeletion());
    }

    @Test
    public void anExplicitNamespaceIsCheckedOnlyAgainstWhatWasGiven() {
        DeletePreviewNamespaceStep step = new DeletePreviewNamespaceStep();
        step.setNamespace("pr-42-shop");

        DeletePreviewRequest parameters = step.toRequest(new PullRequestEnvironment(null, null, null, null, "ops"));
        assertNull(parameters.pr());
        assertNull("a cleanup job's JOB_NAME names no repository", parameters.repository());

        step.setPr("42");
        step.setWait(true);
        parameters = step.toRequest(PR_BUILD);
        assertEquals("42", parameters.pr());
        assertNull(parameters.repository());
        assertTrue(parameters.waitForDeletion());
    }

    @Test
    public void deletesTheOwnedPreviewAndReturnsTheResultMap() throws Exception {
        fixture.environment.putAll(Map.of("CHANGE_ID", "42", "JOB_NAME", "shop/PR-42"));
        fixture.launcher.reply("kubectl", "delete", KubectlReplies.deleted("pr-42-shop"))
                .reply("kubectl", "namespace", KubectlReplies.object(KubectlReplies.ownedPreview("pr-42-shop", "42", "shop",
                        "2026-11-25T08:00:00Z")));

        TestStepContext context = run(new DeletePreviewNamespaceStep());

        assertNull(String.valueOf(context.failure()), context.failure());
        assertEquals(Map.of("namespace", "pr-42-shop", "deleted", true, "alreadyGone", false), context.result());
        List<String> delete = fixture.launcher.launches().get(1).cmds();
        assertEquals(List.of("kubectl", "delete", "--raw", "/api/v1/namespaces/pr-42-shop", "--filename"), delete.subList(0, 5));
        assertEquals("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"preconditions\":{\"uid\":\"uid-of-pr-42-shop\","
                + "\"resourceVersion\":\"17\"}}", deleteOptions.get(0));
        assertTrue(fixture.log(), fixture.log().contains("Deleted preview namespace pr-42-shop (its objects are removed in the background) in "));
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    @Test
    public void derivesTheNameWithDeliveryYamlsNamePatternAsCreatePreviewNamespaceDid() throws Exception {
        java.nio.file.Files.writeString(fixture.workspace.resolve("delivery.yaml"), "preview:\n  namePattern: preview-{repository}-{pr}\n");
        fixture.launcher.reply("kubectl", "delete", KubectlReplies.deleted("preview-shop-42"))
                .reply("kubectl", "namespace", KubectlReplies.object(KubectlReplies.ownedPreview("preview-shop-42", "42", "shop",
                        "2026-11-25T08:00:00Z")));

        TestStepContext context = run(prFortyTwoOfShop());

        assertNull(String.valueOf(context.failure()), context.failure());
        assertEquals(Map.of("namespace", "preview-shop-42", "deleted", true, "alreadyGone", false), context.result());
        assertTrue(fixture.log(), fixture.log().contains("From delivery.yaml for the preview of PR 42 of shop: namePattern "
                + "preview-{repository}-{pr}"));
    }

    private static DeletePreviewNamespaceStep prFortyTwoOfShop() {
        DeletePreviewNamespaceStep step = new DeletePreviewNamespaceStep();
        step.setPr("42");
        step.setRepository("shop");
        return step;
    }

    @Test
    public void aNamespaceChangedBetweenItsCheckAndItsDeleteIsLeftAloneAndTheStepSaysSo() throws Exception {
        fixture.launcher.reply("kubectl", "delete", KubectlReplies.preconditionFailed("pr-42-shop"))
                .reply("kubectl", "namespace", KubectlReplies.object(KubectlReplies.ownedPreview("pr-42-shop", "42", "shop",
                        "2026-11-25T08:00:00Z")));
        TestStepContext context = run(prFortyTwoOfShop());

        assertEquals("deletePreviewNamespace: namespace 'pr-42-shop' changed since its ownership was checked (its labels,"
                + " annotations or identity are not those read a moment before): left alone; run the step again to check it"
                + " afresh", context.failure().getMessage());
    }

    @Test
    public void aNamespaceAlreadyBeingDeletedCountsAsDoneWithoutAnotherDelete() throws Exception {
        JsonObject terminating = KubectlReplies.ownedPreview("pr-42-shop", "42", "shop", "2026-11-25T08:00:00Z");
        terminating.set("status", new JsonObject().add("phase", "Terminating"));
        fixture.launcher.reply("kubectl", "namespace", KubectlReplies.object(terminating));
        TestStepContext context = run(prFortyTwoOfShop());

        assertNull(String.valueOf(context.failure()), context.failure());
        assertEquals(Map.of("namespace", "pr-42-shop", "deleted", false, "alreadyGone", true), context.result());
        assertEquals(1, fixture.launcher.launches().size());
    }

    @Test
    public void aNamespaceAlreadyGoneCountsAsDone() throws Exception {
        fixture.launcher.reply("kubectl", "namespace", KubectlReplies.absent());
        TestStepContext context = run(prFortyTwoOfShop());

        assertNull(String.valueOf(context.failure()), context.failure());
        assertEquals(Map.of("namespace", "pr-42-shop", "deleted", false, "alreadyGone", true), context.result());
        assertEquals(1, fixture.launcher.launches().size());
    }

    @Test
    public void anotherPullRequestsPreviewIsRefusedWithTheEnginesMessage() throws Exception {
        fixture.launcher.reply("kubectl", "delete", KubectlReplies.deleted("pr-42-shop"))
                .reply("kubectl", "namespace", KubectlReplies.object(KubectlReplies.ownedPreview("pr-42-shop", "41", "shop",
                        "2026-11-25T08:00:00Z")));
        DeletePreviewNamespaceStep step = new DeletePreviewNamespaceStep();
        step.setNamespace("pr-42-shop");
        step.setPr("42");

        TestStepContext context = run(step);

        Throwable failure = context.failure();
        assertTrue(String.valueOf(failure), failure instanceof AbortException);
        assertEquals("deletePreviewNamespace: namespace 'pr-42-shop' belongs to PR 41, not PR 42: refusing to delete it",
                failure.getMessage());
        assertFalse("no delete ran", fixture.launcher.allArguments().contains("delete"));
    }

    @Test
    public void aNamespaceWithoutTheOwnershipLabelIsNeverDeleted() throws Exception {
        fixture.launcher.reply("kubectl", "delete", KubectlReplies.deleted("payments"))
                .reply("kubectl", "namespace", KubectlReplies.object(KubectlReplies.namespace("payments", Map.of(), Map.of())));
        DeletePreviewNamespaceStep step = new DeletePreviewNamespaceStep();
        step.setNamespace("payments");

        TestStepContext context = run(step);

        assertTrue(String.valueOf(context.failure()), context.failure() instanceof AbortException);
        assertTrue(context.failure().getMessage(), context.failure().getMessage()
                .startsWith("deletePreviewNamespace: namespace 'payments' is not a kube-delivery preview"));
        assertFalse("no delete ran", fixture.launcher.allArguments().contains("delete"));
    }

    @Test
    public void withoutPrOrNamespaceTheStepSaysWhatToGiveBeforeAnyCommand() throws Exception {
        fixture.environment.put("JOB_NAME", "ops/cleanup");

        TestStepContext context = run(new DeletePreviewNamespaceStep());

        assertTrue(context.failure().getMessage(), context.failure().getMessage().startsWith("deletePreviewNamespace: pr: is required"));
        assertEquals(0, fixture.launcher.launches().size());
    }

    @Test
    public void theDescriptorNamesTheStep() {
        DeletePreviewNamespaceStep.DescriptorImpl descriptor = new DeletePreviewNamespaceStep.DescriptorImpl();

        assertEquals("deletePreviewNamespace", descriptor.getFunctionName());
        assertEquals(DeletePreviewNamespaceStep.class, descriptor.clazz);
        assertEquals("deletePreviewNamespace", descriptor.getClass().getAnnotation(org.jenkinsci.Symbol.class).value()[0]);
    }

    /** The delete re-reads the namespace and carries preconditions, so after a restart it simply runs again. */
    @Test
    public void afterARestartTheStepRunsAgainFromItsSavedRequest() throws Exception {
        fixture.launcher.reply("kubectl", "delete", KubectlReplies.deleted("pr-42-shop"))
                .reply("kubectl", "namespace", KubectlReplies.object(KubectlReplies.ownedPreview("pr-42-shop", "42", "shop",
                        "2026-11-25T08:00:00Z")));
        DeletePreviewNamespaceStep step = new DeletePreviewNamespaceStep();
        step.setNamespace("pr-42-shop");
        TestStepContext before = fixture.context();
        TestStepContext after = fixture.context();

        Checkpoints.restart(step.start(before), before, after).onResume();

        assertTrue("the step completed", after.await(WAIT));
        assertNull(String.valueOf(after.failure()), after.failure());
        assertEquals(Map.of("namespace", "pr-42-shop", "deleted", true, "alreadyGone", false), after.result());
        assertTrue(fixture.log(), fixture.log().contains("deletePreviewNamespace: the Jenkins controller restarted while this step"
                + " was running; running it again for namespace pr-42-shop"));
    }
}
