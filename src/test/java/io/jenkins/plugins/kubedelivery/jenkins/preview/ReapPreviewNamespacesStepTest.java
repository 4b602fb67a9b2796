package io.jenkins.plugins.kubedelivery.jenkins.preview;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.jenkins.support.Checkpoints;
import io.jenkins.plugins.kubedelivery.jenkins.support.KubectlReplies;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestLauncher;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestLauncher.Reply;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.Before;
import org.junit.Rule;
import io.jenkins.plugins.kubedelivery.engine.preview.ReapRequest;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** reapPreviewNamespaces: its parameters, and end to end against canned kubectl outputs. */
public class ReapPreviewNamespacesStepTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String EXPIRED = "2026-01-01T00:00:00Z";
    private static final String LATER = "2999-01-01T00:00:00Z";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private StepFixture fixture;

    @Before
    public void setUp() throws Exception {
        fixture = StepFixture.canned(tmp.getRoot());
        // the cluster: one expired preview, one of a closed PR, one of an open PR
        fixture.launcher.reply("kubectl", "get", KubectlReplies.list(
                KubectlReplies.ownedPreview("pr-40-shop", "40", "shop", EXPIRED),
                KubectlReplies.ownedPreview("pr-41-shop", "41", "shop", LATER),
                KubectlReplies.ownedPreview("pr-42-shop", "42", "shop", LATER)));
    }

    private TestStepContext run(ReapPreviewNamespacesStep step) throws Exception {
        TestStepContext context = fixture.context();
        assertFalse(step.start(context).start());
        assertTrue("the step completed", context.await(WAIT));
        return context;
    }

    private static ReapPreviewNamespacesStep openPullRequests(Object... open) {
        ReapPreviewNamespacesStep step = new ReapPreviewNamespacesStep();
        step.setOpenPullRequests(Arrays.asList(open));
        step.setRepository("shop");
        return step;
    }

    @Test
    public void defaultsReapByExpiryAloneAndFailOnError() {
        ReapPreviewNamespacesStep step = new ReapPreviewNamespacesStep();
        ReapRequest parameters = step.toRequest();

        assertNull(parameters.openPullRequests());
        assertNull(parameters.repository());
        assertFalse(parameters.dryRun());
        assertEquals(4, parameters.parallelism());
        assertTrue(step.isFailOnError());
    }

    @Test
    public void pullRequestNumbersMayBeIntegersOrStrings() {
        assertEquals(List.of("41", "42"), openPullRequests(41, "42").toRequest().openPullRequests());
        assertEquals("none open: every preview of the repository goes", List.of(), openPullRequests().toRequest().openPullRequests());
    }

    @Test
    public void badParametersAreRefusedAtStartNamingTheParameter() throws Exception {
        assertRefusedAtStart("openPullRequests[1]", step -> step.setOpenPullRequests(Arrays.asList(41, null)));
        assertRefusedAtStart("parallelism", step -> step.setParallelism(0));
        assertRefusedAtStart("server", step -> step.setServer("https://k8s.example.com"));
    }

    private void assertRefusedAtStart(String parameter, Consumer<ReapPreviewNamespacesStep> setUp) throws Exception {
        StepFixture fresh = StepFixture.canned(tmp.newFolder());
        ReapPreviewNamespacesStep step = new ReapPreviewNamespacesStep();
        setUp.accept(step);
        try {
            step.start(fresh.context());
            fail("accepted a bad " + parameter);
        } catch (AbortException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("reapPreviewNamespaces: " + parameter + ": "));
        }
        assertEquals(0, fresh.launcher.launches().size());
    }

    @Test
    public void openPullRequestsWithoutRepositoryAreRefusedBeforeAnyCommand() throws Exception {
        ReapPreviewNamespacesStep step = new ReapPreviewNamespacesStep();
        step.setOpenPullRequests(List.of(42));

        TestStepContext context = run(step);

        assertTrue(context.failure().getMessage(), context.failure().getMessage().startsWith("reapPreviewNamespaces: repository: is required"));
        assertEquals(0, fixture.launcher.launches().size());
    }

    @Test
    public void deletesExpiredAndClosedPreviewsAndKeepsOpenOnes() throws Exception {
        fixture.launcher.reply("kubectl", "delete", KubectlReplies.deleted("pr-40-shop"), KubectlReplies.deleted("pr-41-shop"));

        TestStepContext context = run(openPullRequests(42));

        assertNull(String.valueOf(context.failure()), context.failure());
        Map<?, ?> result = (Map<?, ?>) context.result();
        assertEquals(List.of("deleted", "kept", "failed", "dryRun", "durationMillis"), List.copyOf(result.keySet()));
        assertEquals(List.of("pr-40-shop", "pr-41-shop"), result.get("deleted"));
        assertEquals(List.of("pr-42-shop"), result.get("kept"));
        assertEquals(Map.of(), result.get("failed"));
        assertEquals(false, result.get("dryRun"));
        String list = String.join(" ", fixture.launcher.launches().get(0).cmds());
        assertTrue(list, list.contains("--selector app.kubernetes.io/managed-by=kube-delivery,kube-delivery.io/preview=true,"
                + "kube-delivery.io/repository=shop"));
        assertEquals("one list, one delete per doomed namespace", 3, fixture.launcher.launches().size());
        assertTrue(fixture.log(), fixture.log().contains("Reaped 2 preview namespaces, kept 1, failed 0 in "));
    }

    @Test
    public void aDryRunDeletesNothing() throws Exception {
        ReapPreviewNamespacesStep step = openPullRequests(42);
        step.setDryRun(true);

        TestStepContext context = run(step);

        Map<?, ?> result = (Map<?, ?>) context.result();
        assertEquals(List.of("pr-40-shop", "pr-41-shop"), result.get("deleted"));
        assertEquals(true, result.get("dryRun"));
        assertEquals("only the list call", 1, fixture.launcher.launches().size());
    }

    @Test
    public void aFailedDeletionFailsTheStepAfterEveryDeletionWasTried() throws Exception {
        fixture.launcher.reply("kubectl", "/api/v1/namespaces/pr-40-shop",
                        Reply.exit(1, "Error from server (Forbidden): namespaces \"pr-40-shop\" is forbidden\n"))
                .reply("kubectl", "delete", KubectlReplies.deleted("pr-41-shop"));

        TestStepContext context = run(openPullRequests(42));

        Throwable failure = context.failure();
        assertTrue(String.valueOf(failure), failure instanceof AbortException);
        String message = failure.getMessage();
        assertTrue(message, message.startsWith("reapPreviewNamespaces: could not delete 1 of 2 preview namespaces"
                + " (1 deleted: pr-41-shop): pr-40-shop: "));
        assertTrue(message, message.contains("forbidden"));
        assertTrue(message, message.contains("failOnError: false"));
        assertFalse(message, message.contains("\n"));
        assertEquals("both deletions were tried", 2, deletes());
    }

    @Test
    public void withFailOnErrorFalseFailuresAreReportedInTheResult() throws Exception {
        fixture.launcher.reply("kubectl", "/api/v1/namespaces/pr-40-shop",
                        Reply.exit(1, "Error from server (Forbidden): namespaces \"pr-40-shop\" is forbidden\n"))
                .reply("kubectl", "delete", KubectlReplies.deleted("pr-41-shop"));
        ReapPreviewNamespacesStep step = openPullRequests(42);
        step.setFailOnError(false);

        TestStepContext context = run(step);

        assertNull(String.valueOf(context.failure()), context.failure());
        Map<?, ?> result = (Map<?, ?>) context.result();
        assertEquals(List.of("pr-41-shop"), result.get("deleted"));
        Map<?, ?> failed = (Map<?, ?>) result.get("failed");
        assertEquals(List.of("pr-40-shop"), List.copyOf(failed.keySet()));
        assertTrue(String.valueOf(failed), String.valueOf(failed.get("pr-40-shop")).contains("forbidden"));
        assertEquals(2, deletes());
    }

    private long deletes() {
        return fixture.launcher.launches().stream().map(TestLauncher.Launch::cmds).filter(c -> c.contains("delete")).count();
    }

    @Test
    public void theDescriptorNamesTheStep() {
        ReapPreviewNamespacesStep.DescriptorImpl descriptor = new ReapPreviewNamespacesStep.DescriptorImpl();

        assertEquals("reapPreviewNamespaces", descriptor.getFunctionName());
        assertEquals(ReapPreviewNamespacesStep.class, descriptor.clazz);
        assertEquals("reapPreviewNamespaces", descriptor.getClass().getAnnotation(org.jenkinsci.Symbol.class).value()[0]);
    }

    /** The reaper lists afresh and deletes with preconditions, so after a restart it simply runs again. */
    @Test
    public void afterARestartTheStepRunsAgainFromItsSavedRequest() throws Exception {
        fixture.launcher.reply("kubectl", "delete", KubectlReplies.deleted("pr-40-shop"));
        TestStepContext before = fixture.context();
        TestStepContext after = fixture.context();

        Checkpoints.restart(openPullRequests(41, "42").start(before), before, after).onResume();

        assertTrue("the step completed", after.await(WAIT));
        assertNull(String.valueOf(after.failure()), after.failure());
        assertEquals(List.of("pr-40-shop"), ((Map<?, ?>) after.result()).get("deleted"));
        assertTrue(fixture.log(), fixture.log().contains("reapPreviewNamespaces: the Jenkins controller restarted while this step"
                + " was running; running it again for the previews of shop that expired or whose PR is not in [41, 42]"));
    }
}
