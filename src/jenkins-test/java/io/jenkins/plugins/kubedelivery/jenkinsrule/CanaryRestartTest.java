package io.jenkins.plugins.kubedelivery.jenkinsrule;

import static io.jenkins.plugins.kubedelivery.jenkinsrule.ClusterPipeline.access;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.JenkinsSessionRule;

/**
 * A canary holding its first step when the controller restarts: the same build carries on from the
 * step the cluster records, and promotes. The simulated cluster outlives both Jenkins sessions.
 */
public class CanaryRestartTest {
    private final TestCluster cluster = new TestCluster();
    private final TemporaryFolder folder = new TemporaryFolder();
    private final JenkinsSessionRule sessions = new JenkinsSessionRule();
    @Rule
    public final RuleChain rules = RuleChain.outerRule(cluster).around(folder).around(sessions);

    @Test
    public void aCanaryHoldingAStepCarriesOnAfterARestart() throws Throwable {
        cluster.createNamespace("prod");
        cluster.create(ClusterPipeline.ingress("prod", "payments"));
        ClusterPipeline pipeline = ClusterPipeline.prepare(cluster, folder.newFolder("shop").toPath());

        sessions.then(r -> {
            pipeline.addCredentials(r);
            WorkflowJob job = ClusterPipeline.job(r, "canary", "node {\n" + pipeline.inWorkspace(String.join("\n",
                    "deployService(service: 'payments', environment: 'prod', imageTag: '1.0.0', " + access() + ")",
                    "def c = canaryShift(service: 'payments', environment: 'prod', imageTag: '2.0.0',"
                            + " router: nginx(ingress: 'payments'), steps: [50, 100], pause: '30s', interval: '10s', "
                            + access() + ")",
                    "echo \"canaryShift: state=${c.state} weight=${c.weight}\"")) + "}\n");
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            r.waitForMessage("Step 1 of 2: canary at 50%", run);
        });

        sessions.then(r -> {
            WorkflowRun run = r.jenkins.getItemByFullName("canary", WorkflowJob.class).getBuildByNumber(1);
            r.waitForCompletion(run);
            r.assertBuildStatus(Result.SUCCESS, run);
            r.assertLogContains("canaryShift: state=promoted weight=0", run);
            String image = cluster.object("apps/v1", "Deployment", "prod", "payments").orElseThrow()
                    .at("/spec/template/spec/containers/0/image").asText();
            assertTrue(image, image.endsWith(":2.0.0"));
            assertEquals(Optional.empty(), cluster.releaseState("prod", "payments-canary"));
        });
    }
}
