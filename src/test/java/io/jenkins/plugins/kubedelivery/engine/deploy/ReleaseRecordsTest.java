package io.jenkins.plugins.kubedelivery.engine.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseStatus;
import io.jenkins.plugins.kubedelivery.testsupport.ScriptedRunner;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

/** One read of helm's records answering for a release and its canary, and helm answering where the records cannot. */
public class ReleaseRecordsTest {
    /** What {@code kubectl get secrets --output jsonpath=...} prints: each record's labels, in the API server's order. */
    static final String RECORDS = "[{\"modifiedAt\":\"1796301262\",\"name\":\"payments\",\"owner\":\"helm\",\"status\":\"superseded\","
            + "\"version\":\"2\"},{\"kube-delivery.io/canary-of\":\"payments\",\"name\":\"payments-canary\",\"owner\":\"helm\","
            + "\"status\":\"deployed\",\"version\":\"1\"},{\"name\":\"payments\",\"owner\":\"helm\",\"status\":\"failed\",\"version\":\"10\"},"
            + "{\"name\":\"payments\",\"owner\":\"helm\",\"status\":\"deployed\",\"version\":\"3\"},null]";

    private final ScriptedRunner runner = new ScriptedRunner();
    private final HelmClient helm = new HelmClient(runner, "helm", ClusterTarget.inCluster());
    private final KubectlClient kubectl = new KubectlClient(runner, "kubectl", ClusterTarget.inCluster());

    private ReleaseRecords read() throws InterruptedException {
        return ReleaseRecords.read(helm, kubectl, "prod", List.of("payments", "payments-canary"));
    }

    @Test
    public void oneKubectlCallReadsTheLabelsOfBothReleasesRecordsAndNothingElse() throws Exception {
        runner.answer("kubectl get secrets", 0, RECORDS);
        ReleaseRecords records = read();
        ReleaseHistory history = records.history("payments").get();
        assertEquals(List.of(2, 3, 10), history.revisions().stream().map(ReleaseRevision::revision).toList());
        assertEquals(List.of(ReleaseStatus.SUPERSEDED, ReleaseStatus.DEPLOYED, ReleaseStatus.FAILED),
                history.revisions().stream().map(ReleaseRevision::status).toList());
        assertEquals(3, history.lastGoodBeforeLatest().orElseThrow().revision());
        assertEquals(11, history.nextRevision());
        assertEquals("payments", records.latestLabels("payments-canary").orElseThrow().get("kube-delivery.io/canary-of"));
        assertEquals("the latest revision's, whatever its status", "failed", records.latestLabels("payments").orElseThrow().get("status"));
        assertEquals(List.of("kubectl", "get", "secrets", "--namespace", "prod", "--selector",
                "owner=helm,name in (payments,payments-canary)", "--output", "jsonpath=[{range .items[*]}{.metadata.labels},{end}null]"),
                runner.commands().get(0).arguments());
        assertEquals(List.of("kubectl get secrets"), runner.verbs());
    }

    @Test
    public void aReleaseTheRecordsDoNotHoldIsAskedOfHelmWhichMayKeepItElsewhere() throws Exception {
        runner.answer("kubectl get secrets", 0, "[null]").answer("helm history", 0,
                "[{\"revision\":4,\"updated\":\"2026-11-22T09:00:00Z\",\"status\":\"deployed\",\"chart\":\"payments-0.3.1\","
                        + "\"app_version\":\"1.4.0\",\"description\":\"Upgrade complete\"}]\n");
        ReleaseRecords records = read();
        assertEquals(Optional.empty(), records.latestLabels("payments-canary"));
        ReleaseRevision revision = records.history("payments").get().latest().orElseThrow();
        assertEquals(4, revision.revision());
        assertEquals("payments-0.3.1", revision.chart());
        assertEquals(List.of("kubectl get secrets", "helm history"), runner.verbs());
    }

    @Test
    public void withoutKubectlHelmAnswersEverything() throws Exception {
        runner.answer("kubectl get secrets", 127, "sh: kubectl: not found\n").answer("helm history", 1, "Error: release: not found\n");
        ReleaseRecords records = read();
        assertEquals(Optional.empty(), records.latestLabels("payments-canary"));
        assertTrue(records.history("payments").get().revisions().isEmpty());
        assertEquals(List.of("kubectl get secrets", "helm history", "helm history"), runner.verbs());
    }

    @Test
    public void labelsReadOnTheirOwnAskHelmFirstThenTheRecords() throws Exception {
        runner.answer("helm history", 0, "[{\"revision\":1,\"status\":\"deployed\",\"chart\":\"payments-0.3.1\"}]\n")
                .answer("kubectl get secrets", 0, RECORDS);
        assertEquals(Map.of("kube-delivery.io/canary-of", "payments", "name", "payments-canary", "owner", "helm",
                "status", "deployed", "version", "1"), ReleaseRecords.labels(helm, kubectl, "payments-canary", "prod").orElseThrow());
        ScriptedRunner elsewhere = new ScriptedRunner().answer("helm history", 0, "[{\"revision\":1,\"status\":\"deployed\"}]\n")
                .answer("kubectl get secrets", 0, "[null]");
        assertEquals("a release helm keeps elsewhere has no labels the plugin can read", Optional.of(Map.of()),
                ReleaseRecords.labels(new HelmClient(elsewhere, "helm", ClusterTarget.inCluster()),
                        new KubectlClient(elsewhere, "kubectl", ClusterTarget.inCluster()), "payments-canary", "prod"));
    }
}
