package io.jenkins.plugins.kubedelivery.testcluster;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.testcluster.ClientProcess.Result;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/**
 * Every kind beyond the original set goes through its everyday life with each pinned kubectl:
 * create, apply again (unchanged), server-side apply, ready (rollout status or Bound), delete. One
 * cluster serves all; the manifests' {@code {{v}}} becomes the kubectl version, so names never clash.
 */
@RunWith(Parameterized.class)
public class KindConformanceTest {
    @ClassRule
    public static final TestCluster CLUSTER = new TestCluster().readyAfter(Duration.ofMillis(150)).nodes("node-a", "node-b");

    /** A manifest under testcluster/kinds and the kubectl command that waits for it to be ready, if any. */
    private record Kind(String manifest, String... ready) {
        @Override
        public String toString() {
            return manifest;
        }
    }

    @Parameters(name = "kubectl {0} {1}")
    public static List<Object[]> parameters() {
        List<Kind> kinds = List.of(
                new Kind("statefulset.yaml", "rollout", "status", "statefulset/db-{{v}}", "--timeout=30s"),
                new Kind("daemonset.yaml", "rollout", "status", "daemonset/agent-{{v}}", "--timeout=30s"),
                new Kind("persistentvolumeclaim.yaml", "wait", "--for=jsonpath={.status.phase}=Bound",
                        "persistentvolumeclaim/cache-{{v}}", "--timeout=30s"),
                new Kind("cronjob.yaml"),
                new Kind("cluster-scoped.yaml"),
                new Kind("rbac.yaml"));
        List<Object[]> parameters = new ArrayList<>();
        for (String version : Tools.KUBECTL_VERSIONS) {
            kinds.forEach(kind -> parameters.add(new Object[] {version, kind}));
        }
        return parameters;
    }

    @Parameter(0)
    public String version;

    @Parameter(1)
    public Kind kind;

    @Test
    public void createApplyServerSideApplyReadyAndDelete() {
        Path manifest = TestFiles.kindManifest(CLUSTER, kind.manifest(), suffix());
        String created = client().ok("apply", "-f", manifest.toString()).stdout();
        assertThat(created, not(containsString("unchanged")));
        assertTrue(created, created.lines().allMatch(line -> line.endsWith(" created")));
        String again = client().ok("apply", "-f", manifest.toString()).stdout();
        assertTrue(again, again.lines().allMatch(line -> line.endsWith(" unchanged")));
        String serverSide = client().ok("apply", "--server-side", "--force-conflicts", "-f", manifest.toString()).stdout();
        assertTrue(serverSide, serverSide.lines().allMatch(line -> line.endsWith(" serverside-applied")));
        if (kind.ready().length > 0) {
            client().ok(withVersion(kind.ready()));
        }
        String names = client().ok("get", "-f", manifest.toString(), "-o", "name").stdout();
        assertEquals(created.lines().count(), names.lines().count());
        String deleted = client().ok("delete", "-f", manifest.toString(), "--timeout=30s").stdout();
        assertTrue(deleted, deleted.lines().allMatch(line -> line.contains(" deleted")));
        Result gone = client().run("get", "-f", manifest.toString());
        assertEquals(gone.toString(), 1, gone.exitCode());
        assertThat(gone.stderr(), containsString("(NotFound)"));
    }

    private String[] withVersion(String... args) {
        return List.of(args).stream().map(arg -> arg.replace("{{v}}", suffix())).toArray(String[]::new);
    }

    private String suffix() {
        return version.replace('.', '-');
    }

    private Client client() {
        return Client.kubectl(CLUSTER, version);
    }
}
