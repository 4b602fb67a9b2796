package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestLauncher;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.Resources;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * Aborting deployServices mid-upgrade: the step, its executions and the engine with the real helm
 * 3 and 4 (through the Launcher, as in {@code container()}) against the simulated cluster. Every
 * release must be back at its deployed revision when the step completes, and the kubeconfig the
 * restores read must be there for each of them: it goes only after the last one.
 */
@RunWith(Parameterized.class)
public class DeployServicesAbortTest {
    private static final List<String> SERVICES = List.of("payments", "search", "orders");
    private static final String STALLING_TAG = "stalls";

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();
    @Rule
    public final TestCluster cluster = new TestCluster();

    private final String helmVersion;
    private StepFixture fixture;
    private final List<String> restoreLaunches = new CopyOnWriteArrayList<>();

    public DeployServicesAbortTest(String helmVersion) {
        this.helmVersion = helmVersion;
    }

    @Parameters(name = "helm {0}")
    public static Collection<Object[]> versions() {
        return Tools.helmParameters();
    }

    @Before
    public void setUp() throws Exception {
        cluster.createNamespace("stage");
        fixture = StepFixture.local(tmp.getRoot());
        EngineFixture.copy(Resources.path("monorepo"), fixture.workspace);
        EngineFixture.copy(fixture.workspace.resolve("helm/payments"), fixture.workspace.resolve("helm/orders"));
        Files.createDirectories(fixture.workspace.resolve("orders/src"));
        fixture.environment.putAll(cluster.environment());
        fixture.environment.put("PATH", Tools.helm(helmVersion).getParent() + ":" + System.getenv("PATH"));
        fixture.credentials.secretFile("stage-kubeconfig", Files.readString(cluster.kubeconfig()));
        fixture.launcher.onLaunch(this::recordRestore);
    }

    /** For each helm rollback: whether the kubeconfig it was given still existed when it started. */
    private void recordRestore(TestLauncher.Launch launch) {
        List<String> cmds = launch.cmds();
        if (cmds.contains("rollback")) {
            Path kubeconfig = Path.of(cmds.get(cmds.indexOf("--kubeconfig") + 1));
            restoreLaunches.add(cmds.get(cmds.indexOf("rollback") + 1) + (Files.exists(kubeconfig) ? " with" : " WITHOUT")
                    + " its kubeconfig");
        }
    }

    private DeployServicesStep step(String tag) {
        DeployServicesStep step = new DeployServicesStep(SERVICES, "stage");
        step.setImageTag(tag);
        step.setParallelism(SERVICES.size());
        step.setKubeconfigCredentialsId("stage-kubeconfig");
        step.setTimeout("2m");
        return step;
    }

    @Test
    public void anAbortWaitsForEveryReleaseToBeRestoredBeforeCleaningUp() throws Exception {
        TestStepContext installed = fixture.context();
        assertFalse(step("1.0").start(installed).start());
        assertTrue(installed.await(Duration.ofMinutes(2)));
        assertNull(String.valueOf(installed.failure()), installed.failure());

        cluster.failImagesWithTag(STALLING_TAG).failAfter(Duration.ofMinutes(5));
        TestStepContext context = fixture.context();
        StepExecution execution = step(STALLING_TAG).start(context);
        execution.start();
        for (String service : SERVICES) {
            awaitState(service, "pending-upgrade v2");
        }
        assertEquals(1, fixture.stagingDirectories().size());

        Exception cause = new InterruptedException("aborted by a user");
        execution.stop(cause);

        assertTrue("the step completed", context.await(Duration.ofMinutes(7)));
        // read at once: the step may complete only after every restore and the clean-up
        for (String service : SERVICES) {
            assertEquals(service, Optional.of("deployed v3"), cluster.releaseState("stage", service));
        }
        assertEquals(List.of(), fixture.stagingDirectories());
        assertSame(cause, context.failure());
        assertEquals(3, restoreLaunches.size());
        assertTrue(restoreLaunches.toString(), restoreLaunches.stream().allMatch(r -> r.endsWith(" with its kubeconfig")));
        assertTrue(fixture.log(), fixture.log().contains("deployServices: stopping: the running command is killed; waiting up to"
                + " 6m for helm to return every release it was changing to a safe state"));
        assertTrue(fixture.log(), fixture.log().contains("deployServices: stopped; the clean-up finished"));
        for (String service : SERVICES) {
            assertTrue(fixture.log(), fixture.log().contains("Release " + service + " restored after the interruption"));
        }
        Thread.sleep(300);
        assertEquals("completed exactly once", 1, context.completions());
    }

    private void awaitState(String release, String state) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (cluster.releaseState("stage", release).equals(Optional.of(state))) {
                Thread.sleep(200); // let helm reach its wait for readiness
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(release + " never reached " + state + ": " + cluster.releaseState("stage", release) + "\n" + fixture.log());
    }
}
