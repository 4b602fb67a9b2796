package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies.history;
import static io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies.revision;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestCredentials;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * rollbackService end to end: step, adapter and the real engine, with helm replaced by canned
 * outputs in helm 3.17's formats. NEEDS THE ENGINE: fails while RollbackService is still a stub.
 */
public class RollbackServiceStepEngineTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void rollsBackToThePreviousDeployedRevision() throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.getRoot());
        HelmReplies.monorepo(fixture.workspace);
        fixture.credentials.secretFile("prod-kubeconfig", TestCredentials.kubeconfig("https://k8s.prod.example.com:6443", "prod"));
        fixture.launcher.reply("helm", "version", HelmReplies.version())
                .reply("helm", "payments-canary", HelmReplies.releaseNotFound()) // no canary beside the release
                .reply("helm", "history",
                        history(revision(1, "superseded", "Install complete"), revision(2, "deployed", "Upgrade complete")),
                        history(revision(1, "superseded", "Install complete"), revision(2, "superseded", "Upgrade complete"),
                                revision(3, "deployed", "Rollback to 1")))
                .reply("helm", "rollback", HelmReplies.rollbackSucceeded())
                .reply("helm", "status", HelmReplies.release("payments", "prod", 3, "Rollback to 1"));
        RollbackServiceStep step = new RollbackServiceStep("payments", "prod");
        step.setKubeconfigCredentialsId("prod-kubeconfig");
        TestStepContext context = fixture.context();

        assertFalse(step.start(context).start());

        assertTrue(context.await(Duration.ofSeconds(30)));
        assertNull(String.valueOf(context.failure()), context.failure());
        Map<?, ?> result = (Map<?, ?>) context.result();
        assertEquals("payments", result.get("release"));
        assertEquals("prod", result.get("namespace"));
        assertEquals(2, result.get("fromRevision"));
        assertEquals(1, result.get("toRevision"));
        assertEquals(3, result.get("revision"));
        assertEquals("one helm rollback", 1,
                fixture.launcher.launches().stream().filter(l -> l.cmds().contains("rollback")).count());
        assertTrue(fixture.log(), fixture.log().contains("Rolling back payments in prod from revision 2 to revision 1"));
        assertEquals(List.of(), fixture.stagingDirectories());
    }
}
