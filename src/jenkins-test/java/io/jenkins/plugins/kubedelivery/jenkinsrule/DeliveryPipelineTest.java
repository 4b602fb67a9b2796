package io.jenkins.plugins.kubedelivery.jenkinsrule;

import static io.jenkins.plugins.kubedelivery.jenkinsrule.ClusterPipeline.access;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Every step of the plugin called by a real Pipeline in a real Jenkins, with the real helm and
 * kubectl against the simulated cluster: what the build log says, what the result maps hold (the
 * Pipeline echoes them) and what the cluster holds afterwards.
 */
public class DeliveryPipelineTest {
    /** A secret value the first deploy hands the chart (it becomes the Secret payments-db); no log may show it. */
    private static final String DB_KEY = "kd-db-key-7f3a9c51";

    private final TestCluster cluster = new TestCluster();
    private final TemporaryFolder folder = new TemporaryFolder();
    private final JenkinsRule r = new JenkinsRule();
    @Rule
    public final RuleChain rules = RuleChain.outerRule(cluster).around(folder).around(r);

    private ClusterPipeline pipeline;

    @Before
    public void workspaceAndCredentials() throws Exception {
        cluster.createNamespace("stage");
        cluster.createNamespace("prod");
        pipeline = ClusterPipeline.prepare(cluster, folder.newFolder("shop").toPath());
        pipeline.addCredentials();
    }

    /**
     * On a real agent (another JVM, so every file and process goes through remoting): the changed
     * services, a deploy, an upgrade, a rollback, a preview namespace with several services in it,
     * its deletion and a reap.
     */
    @Test
    public void deliveryStepsOnAnAgent() throws Exception {
        String agent = r.createOnlineSlave().getNodeName();
        WorkflowJob job = ClusterPipeline.job(r, "shop", pipeline.onNode(agent, String.join("\n",
                "def changed = changedServices(base: '" + pipeline.firstCommit() + "')",
                "echo \"changedServices: services=${changed.services} all=${changed.all}\"",
                "def first = deployService(service: 'payments', environment: 'stage', imageTag: '1.0.0',"
                        + " secretValues: ['db.key': '" + DB_KEY + "'], " + access() + ")",
                "echo \"deployService: revision=${first.revision} previousRevision=${first.previousRevision} status=${first.status}\"",
                "def second = deployService(service: 'payments', environment: 'stage', imageTag: '1.1.0', " + access() + ")",
                "echo \"deployService: revision=${second.revision} previousRevision=${second.previousRevision}\"",
                "def back = rollbackService(service: 'payments', environment: 'stage', " + access() + ")",
                "echo \"rollbackService: fromRevision=${back.fromRevision} toRevision=${back.toRevision} revision=${back.revision}\"",
                "createPreviewNamespace(pr: '41', repository: 'shop', " + access() + ")",
                "def preview = createPreviewNamespace(pr: '42', repository: 'shop', " + access() + ")",
                "echo \"createPreviewNamespace: namespace=${preview.namespace} created=${preview.created}\"",
                "def all = deployServices(services: ['payments', 'search'], environment: 'preview', namespace: preview.namespace,"
                        + " imageTag: 'pr-42', " + access() + ")",
                "echo \"deployServices: payments=${all.payments.revision} search=${all.search.revision}\"",
                "def reaped = reapPreviewNamespaces(openPullRequests: [42], repository: 'shop', " + access() + ")",
                "echo \"reapPreviewNamespaces: deleted=${reaped.deleted} failed=${reaped.failed}\"",
                "def gone = deletePreviewNamespace(pr: '42', repository: 'shop', " + access() + ")",
                "echo \"deletePreviewNamespace: namespace=${gone.namespace} deleted=${gone.deleted}\"")));

        WorkflowRun run = r.assertBuildStatusSuccess(job.scheduleBuild2(0));

        r.assertLogContains("changedServices: services=[payments] all=false", run);
        r.assertLogNotContains(DB_KEY, run);
        r.assertLogContains("deployService: revision=1 previousRevision=null status=deployed", run);
        r.assertLogContains("deployService: revision=2 previousRevision=1", run);
        r.assertLogContains("rollbackService: fromRevision=2 toRevision=1 revision=3", run);
        r.assertLogContains("createPreviewNamespace: namespace=pr-42-shop created=true", run);
        r.assertLogContains("deployServices: payments=1 search=1", run);
        r.assertLogContains("reapPreviewNamespaces: deleted=[pr-41-shop] failed=[:]", run);
        r.assertLogContains("deletePreviewNamespace: namespace=pr-42-shop deleted=true", run);
        assertEquals(Optional.of("deployed v3"), cluster.releaseState("stage", "payments"));
        assertTrue("the chart got the secret value", cluster.object("v1", "Secret", "stage", "payments-db").isPresent());
        String image = ClusterPipeline.paymentsImage(cluster, "stage");
        assertTrue(image, image.endsWith(":1.0.0"));
        cluster.awaitNamespaceGone("pr-41-shop");
        cluster.awaitNamespaceGone("pr-42-shop");
    }

    /**
     * A canary of payments in prod behind an nginx Ingress, held at 10% by a manual pause: its status
     * read, promoted; then a second canary aborted. The router is given by its {@code @Symbol}.
     */
    @Test
    public void canaryShiftStatusPromoteAndAbort() throws Exception {
        cluster.create(ClusterPipeline.ingress("prod", "payments"));
        String router = "router: nginx(ingress: 'payments')";
        String canary = "service: 'payments', environment: 'prod', " + router + ", " + access();
        WorkflowJob job = ClusterPipeline.job(r, "canary", "node {\n" + pipeline.inWorkspace(String.join("\n",
                "deployService(service: 'payments', environment: 'prod', imageTag: '1.0.0', " + access() + ")",
                "def shift = canaryShift(" + canary + ", imageTag: '2.0.0', steps: [[weight: 10, pause: 'manual'], 100])",
                "echo \"canaryShift: state=${shift.state} weight=${shift.weight} paused=${shift.paused}\"",
                "def status = canaryStatus(" + canary + ")",
                "echo \"canaryStatus: running=${status.running} weight=${status.weight}\"",
                "def promoted = canaryPromote(" + canary + ", imageTag: '2.0.0')",
                "echo \"canaryPromote: state=${promoted.state}\"",
                "canaryShift(" + canary + ", imageTag: '3.0.0', steps: [[weight: 25, pause: 'manual'], 100])",
                "def aborted = canaryAbort(" + canary + ")",
                "echo \"canaryAbort: weightBefore=${aborted.weightBefore} canaryReleaseRemoved=${aborted.canaryReleaseRemoved}\"",
                "def after = canaryStatus(" + canary + ")",
                "echo \"canaryStatus after abort: running=${after.running}\"")) + "}\n");

        WorkflowRun run = r.assertBuildStatusSuccess(job.scheduleBuild2(0));

        r.assertLogContains("canaryShift: state=paused weight=10 paused=true", run);
        r.assertLogContains("canaryStatus: running=true weight=10", run);
        r.assertLogContains("canaryPromote: state=promoted", run);
        r.assertLogContains("canaryAbort: weightBefore=25 canaryReleaseRemoved=true", run);
        r.assertLogContains("canaryStatus after abort: running=false", run);
        String image = ClusterPipeline.paymentsImage(cluster, "prod");
        assertTrue(image, image.endsWith(":2.0.0"));
        assertEquals(Optional.empty(), cluster.releaseState("prod", "payments-canary"));
        assertFalse("the canary Ingress is gone", cluster.object("networking.k8s.io/v1", "Ingress", "prod", "payments-canary").isPresent());
    }

    /** The Declarative form: steps as statements, a result in a script block, a router by its symbol. */
    @Test
    public void declarativePipeline() throws Exception {
        cluster.create(ClusterPipeline.ingress("stage", "payments"));
        WorkflowJob job = ClusterPipeline.job(r, "declarative", String.join("\n",
                "pipeline {",
                "  agent any",
                "  stages {",
                "    stage('Deploy') {",
                "      steps {",
                pipeline.inWorkspace(String.join("\n",
                        "deployService service: 'payments', environment: 'stage', imageTag: '1.0.0', " + access(),
                        "script {",
                        "  def r = deployService(service: 'payments', environment: 'stage', imageTag: '1.1.0', " + access() + ")",
                        "  echo \"declarative deployService: revision=${r.revision}\"",
                        "}",
                        "canaryStatus service: 'payments', environment: 'stage', router: nginx(ingress: 'payments'), " + access())),
                "      }",
                "    }",
                "  }",
                "}"));

        WorkflowRun run = r.assertBuildStatusSuccess(job.scheduleBuild2(0));

        r.assertLogContains("declarative deployService: revision=2", run);
        assertEquals(Optional.of("deployed v2"), cluster.releaseState("stage", "payments"));
    }
}
