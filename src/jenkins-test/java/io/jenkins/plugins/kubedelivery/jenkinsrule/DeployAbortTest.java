package io.jenkins.plugins.kubedelivery.jenkinsrule;

import static io.jenkins.plugins.kubedelivery.jenkinsrule.ClusterPipeline.access;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import java.time.Duration;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The stop button pressed while helm waits for an upgrade that never becomes ready: the build ends
 * aborted, helm is stopped for real, and the release is back on its last deployed revision rather
 * than left pending (which would block every later deploy).
 */
public class DeployAbortTest {
    private static final String STALLING_TAG = "stalls";

    private final TestCluster cluster = new TestCluster();
    private final TemporaryFolder folder = new TemporaryFolder();
    private final JenkinsRule r = new JenkinsRule();
    @Rule
    public final RuleChain rules = RuleChain.outerRule(cluster).around(folder).around(r);

    @Test
    public void stoppingADeployMidUpgradeLeavesTheReleaseDeployed() throws Exception {
        cluster.createNamespace("stage");
        ClusterPipeline pipeline = ClusterPipeline.prepare(cluster, folder.newFolder("shop").toPath());
        pipeline.addCredentials();
        cluster.failImagesWithTag(STALLING_TAG).failAfter(Duration.ofMinutes(5));
        WorkflowJob job = ClusterPipeline.job(r, "abort", "node {\n" + pipeline.inWorkspace(String.join("\n",
                "deployService(service: 'payments', environment: 'stage', imageTag: '1.0.0', " + access() + ")",
                "echo 'first deploy done'",
                "deployService(service: 'payments', environment: 'stage', imageTag: '" + STALLING_TAG + "', timeout: '5m', "
                        + access() + ")")) + "}\n");

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        r.waitForMessage("first deploy done", run);
        awaitReleaseState("pending-upgrade v2");
        run.doStop();
        r.waitForCompletion(run);

        r.assertBuildStatus(Result.ABORTED, run);
        r.assertLogContains("helm was stopped mid-upgrade", run);
        assertEquals(Optional.of("deployed v3"), cluster.releaseState("stage", "payments"));
        String image = ClusterPipeline.paymentsImage(cluster, "stage");
        assertTrue(image, image.endsWith(":1.0.0"));
    }

    private void awaitReleaseState(String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!cluster.releaseState("stage", "payments").equals(Optional.of(state))) {
            assertTrue("release payments never became " + state + ": " + cluster.releaseState("stage", "payments"),
                    System.nanoTime() < deadline);
            Thread.sleep(100);
        }
    }
}
