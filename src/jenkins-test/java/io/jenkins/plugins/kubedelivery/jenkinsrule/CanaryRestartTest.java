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
import org.jvnet.hudson.test.RealJenkinsRule;

/**
 * A canary holding its first step when the controller restarts: the same build carries on from the
 * step the cluster records, and promotes. The controller runs in a JVM of its own
 * ({@link RealJenkinsRule}) that exits between the two sessions, as a real restart does: in one JVM
 * (JenkinsSessionRule) the plugin's worker threads of the first session would live on and drive the
 * same canary beside the resumed step, which no real restart can produce. The simulated cluster
 * runs in the test's JVM and outlives both; the test bodies run in the controller's JVM, so they
 * capture only serializable values.
 */
public class CanaryRestartTest {
    private final TestCluster cluster = new TestCluster();
    private final TemporaryFolder folder = new TemporaryFolder();
    private final RealJenkinsRule controller = new RealJenkinsRule();
    @Rule
    public final RuleChain rules = RuleChain.outerRule(cluster).around(folder).around(controller);

    @Test
    public void aCanaryHoldingAStepCarriesOnAfterARestart() throws Throwable {
        cluster.createNamespace("prod");
        cluster.create(ClusterPipeline.ingress("prod", "payments"));
        ClusterPipeline pipeline = ClusterPipeline.prepare(cluster, folder.newFolder("shop").toPath());
        byte[] kubeconfig = pipeline.kubeconfig();
        String script = "node {\n" + pipeline.inWorkspace(String.join("\n",
                "deployService(service: 'payments', environment: 'prod', imageTag: '1.0.0', " + access() + ")",
                "def c = canaryShift(service: 'payments', environment: 'prod', imageTag: '2.0.0',"
                        + " router: nginx(ingress: 'payments'), steps: [50, 100], pause: '30s', interval: '10s', " + access() + ")",
                "echo \"canaryShift: state=${c.state} weight=${c.weight}\"")) + "}\n";

        controller.then(r -> {
            ClusterPipeline.addCredentials(kubeconfig);
            WorkflowRun run = ClusterPipeline.job(r, "canary", script).scheduleBuild2(0).waitForStart();
            r.waitForMessage("Step 1 of 2: canary at 50%", run);
        });
        assertTrue("the canary was left at 50% when the controller stopped",
                cluster.object("networking.k8s.io/v1", "Ingress", "prod", "payments-canary").isPresent());

        controller.then(r -> {
            WorkflowRun run = r.jenkins.getItemByFullName("canary", WorkflowJob.class).getBuildByNumber(1);
            r.waitForCompletion(run);
            r.assertBuildStatus(Result.SUCCESS, run);
            r.assertLogContains("canaryShift: state=promoted weight=0", run);
        });
        String image = ClusterPipeline.paymentsImage(cluster, "prod");
        assertTrue(image, image.endsWith(":2.0.0"));
        assertEquals(Optional.empty(), cluster.releaseState("prod", "payments-canary"));
    }
}
