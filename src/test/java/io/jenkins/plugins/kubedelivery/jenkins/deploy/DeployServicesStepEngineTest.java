package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies.history;
import static io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies.release;
import static io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies.revision;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestLauncher;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestLauncher.Reply;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import io.jenkins.plugins.kubedelivery.testsupport.SecretScan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * deployServices end to end: step, adapter and the real engine, with helm replaced by canned
 * outputs. Replies are chosen per release name (each service's commands run one after another),
 * so the services may run in parallel in any order.
 */
public class DeployServicesStepEngineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DB_PASSWORD = "-----BEGIN-----\npreview-database-password\n-----END-----";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    @Rule
    public final SecretScan scan = new SecretScan();

    private StepFixture fixture;

    @Before
    public void setUp() throws Exception {
        fixture = StepFixture.canned(tmp.getRoot());
        HelmReplies.monorepo(fixture.workspace);
        HelmReplies.service(fixture.workspace, "search");
        fixture.launcher.reply("helm", "version", HelmReplies.version());
    }

    private TestStepContext run(DeployServicesStep step) throws Exception {
        TestStepContext context = fixture.context();
        assertFalse(step.start(context).start());
        assertTrue("the step completed", context.await(WAIT));
        return context;
    }

    private DeployServicesStep previewStep() {
        DeployServicesStep step = new DeployServicesStep(List.of("payments", "search"), "preview");
        step.setNamespace("pr-42-shop");
        step.setImageTag("pr-42-abc1234");
        step.setSecretValues(Map.of("db.password", scan.secret(DB_PASSWORD)));
        return step;
    }

    @Test
    public void deploysEveryServiceIntoThePreviewAndReturnsAMapPerService() throws Exception {
        for (String service : List.of("payments", "search")) {
            fixture.launcher.reply("helm", List.of("history", service), HelmReplies.releaseNotFound())
                    .reply("helm", List.of("upgrade", service), release(service, "pr-42-shop", 1, "Install complete"));
        }

        TestStepContext context = run(previewStep());

        assertNull(String.valueOf(context.failure()), context.failure());
        Map<?, ?> results = (Map<?, ?>) context.result();
        assertEquals(List.of("payments", "search"), List.copyOf(results.keySet()));
        for (String service : List.of("payments", "search")) {
            Map<?, ?> result = (Map<?, ?>) results.get(service);
            assertEquals(service, result.get("release"));
            assertEquals("pr-42-shop", result.get("namespace"));
            assertEquals(1, result.get("revision"));
            assertNull(result.get("previousRevision"));
        }
        String upgradeOfPayments = upgrade("payments");
        assertTrue("previews borrow stage's values: " + upgradeOfPayments, upgradeOfPayments.contains("helm/payments/values.stage.yaml"));
        assertTrue(upgradeOfPayments, upgradeOfPayments.contains("--namespace pr-42-shop"));
        assertTrue(fixture.log(), fixture.log().contains("Deploying 2 services (payments, search), 2 at a time"));
        assertTrue(fixture.log(), fixture.log().contains("Deployed 2 services in "));
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    @Test
    public void aFailedServiceFailsTheStepAfterTheOthersWereDeployed() throws Exception {
        // each release's history is read beside its upgrade, so history and upgrade have replies of their own
        fixture.launcher
                .reply("helm", List.of("history", "payments"), history(revision(1, "deployed", "Install complete")))
                .reply("helm", List.of("upgrade", "payments"), Reply.exit(1,
                        "Error: UPGRADE FAILED: execution error at (payments/templates/db.yaml:3:4): refused\n" + DB_PASSWORD + "\n"))
                .reply("helm", List.of("history", "search"), HelmReplies.releaseNotFound())
                .reply("helm", List.of("upgrade", "search"), release("search", "pr-42-shop", 1, "Install complete"));
        DeployServicesStep step = previewStep();
        step.setParallelism(1);

        TestStepContext context = run(step);

        Throwable failure = context.failure();
        assertTrue(String.valueOf(failure), failure instanceof AbortException);
        assertTrue(failure.getMessage(), failure.getMessage().startsWith("deployServices: 1 of 2 services failed to deploy"
                + " (1 succeeded: search): payments: "));
        assertTrue(failure.getMessage(), failure.getMessage().contains("UPGRADE FAILED"));
        assertTrue(failure.getMessage(), failure.getMessage().contains("refused | <masked-1>. Revision 1 still runs"));
        assertFalse(failure.getMessage(), failure.getMessage().contains("\n"));
        assertFalse("search was deployed although payments, before it, failed", upgrade("search").isEmpty());
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    private String upgrade(String release) {
        return fixture.launcher.launches().stream().map(TestLauncher.Launch::cmds)
                .filter(cmds -> cmds.contains("upgrade") && cmds.contains(release))
                .map(cmds -> String.join(" ", cmds)).findFirst().orElse("");
    }
}
