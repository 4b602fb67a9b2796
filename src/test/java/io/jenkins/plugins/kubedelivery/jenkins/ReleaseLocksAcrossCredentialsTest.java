package io.jenkins.plugins.kubedelivery.jenkins;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.SecretMask;
import io.jenkins.plugins.kubedelivery.engine.deploy.ReleaseLocks;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestCredentials;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Two deploys of one release on one cluster wait for each other however the cluster is reached:
 * the cluster targets come from the credentials as the steps open them, the lock is the engine's.
 */
public class ReleaseLocksAcrossCredentialsTest {
    private static final String STAGE = "https://k8s.stage.example.com:6443";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private StepFixture fixture;
    private FilePathStagingArea staging;
    private final ReleaseLocks locks = new ReleaseLocks();

    @Before
    public void setUp() throws Exception {
        fixture = StepFixture.canned(tmp.getRoot());
        String stageWithAdmin = TestCredentials.kubeconfig(STAGE, "stage")
                .replace("contexts:\n", "contexts:\n- name: stage-admin\n  context: {cluster: stage-cluster, user: deployer}\n");
        fixture.credentials.secretFile("team-a-stage", TestCredentials.kubeconfig(STAGE, "stage"))
                .secretFile("team-b-stage", stageWithAdmin)
                .secretText("stage-token", "token-of-the-deployer")
                .secretFile("prod", TestCredentials.kubeconfig("https://k8s.prod.example.com:6443", "prod"));
        staging = FilePathStagingArea.create(fixture.workspacePath());
    }

    @After
    public void tearDown() throws Exception {
        staging.close();
    }

    private ClusterTarget open(String id, String context, String server) throws Exception {
        return new KubeconfigScope(fixture.credentials, new SecretMask())
                .open(new ClusterAccess(id, context, server), fixture.run, staging);
    }

    @Test
    public void twoCredentialsIdsForOneServerLockEachOther() throws Exception {
        assertTrue(secondWaits(open("team-a-stage", null, null), open("team-b-stage", null, null)));
        assertTrue(secondWaits(open("team-a-stage", null, null), open("stage-token", null, STAGE + "/")));
    }

    @Test
    public void withAndWithoutAnExplicitContextLockEachOther() throws Exception {
        assertTrue(secondWaits(open("team-b-stage", null, null), open("team-b-stage", "stage-admin", null)));
        assertTrue(secondWaits(open("team-b-stage", "stage", null), open("team-a-stage", null, null)));
    }

    @Test
    public void twoServersDoNotLockEachOther() throws Exception {
        assertFalse(secondWaits(open("team-a-stage", null, null), open("prod", null, null)));
    }

    /** Holds the release through {@code first}; tells whether a deploy through {@code second} had to wait. */
    private boolean secondWaits(ClusterTarget first, ClusterTarget second) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch acquired = new CountDownLatch(1);
        Thread other;
        try (ReleaseLocks.Lease held = locks.acquire(first, "stage", "payments", "payments » main #1", log::add)) {
            other = new Thread(() -> {
                try (ReleaseLocks.Lease lease = locks.acquire(second, "stage", "payments", "payments » main #2", log::add)) {
                    acquired.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            other.start();
            if (acquired.await(500, TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
        assertTrue("the waiting deploy goes on once the first is done", acquired.await(5, TimeUnit.SECONDS));
        other.join(5_000);
        assertTrue(log.toString(), log.get(0).startsWith("Waiting for payments » main #1"));
        return true;
    }
}
