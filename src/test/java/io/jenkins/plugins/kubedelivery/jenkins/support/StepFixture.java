package io.jenkins.plugins.kubedelivery.jenkins.support;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.kubedelivery.jenkins.CredentialsLookup;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.steps.Step;

/** One step's surroundings: a workspace (with its {@code @tmp} sibling), log, launcher, build, credentials. */
public final class StepFixture {
    /** The credentials id under which {@link #against} holds the simulated cluster's kubeconfig. */
    public static final String CLUSTER_CREDENTIALS = "cluster";

    public final Path workspace;
    public final BufferListener listener = new BufferListener();
    public final TestLauncher launcher;
    public final TestCredentials credentials = new TestCredentials();
    public final EnvVars environment = new EnvVars();
    public final TestRun run = new TestRun("monorepo » main #7");

    private StepFixture(Path root, boolean localLauncher) throws IOException {
        workspace = Files.createDirectories(root.resolve("workspace"));
        launcher = localLauncher ? TestLauncher.local(listener) : TestLauncher.canned(listener);
    }

    public static StepFixture canned(File root) throws IOException {
        return new StepFixture(root.toPath(), false);
    }

    public static StepFixture local(File root) throws IOException {
        return new StepFixture(root.toPath(), true);
    }

    /**
     * A local fixture whose steps reach the simulated cluster with the real helm of the given
     * version: its kubeconfig as the Secret file credential {@code cluster}, its environment, and
     * helm and kubectl (1.35) found as a container that has both finds them on its PATH.
     */
    public static StepFixture against(TestCluster cluster, String helmVersion, File root) throws IOException {
        StepFixture fixture = local(root);
        fixture.credentials.secretFile(CLUSTER_CREDENTIALS, Files.readString(cluster.kubeconfig()));
        fixture.environment.putAll(cluster.environment());
        fixture.launcher.onPath("helm", Tools.helm(helmVersion));
        fixture.launcher.onPath("kubectl", Tools.kubectl(Tools.KUBECTL_135));
        return fixture;
    }

    public FilePath workspacePath() {
        return new FilePath(workspace.toFile());
    }

    /** {@code <workspace>@tmp}, where the step's private files go. */
    public Path tempDir() {
        return workspace.resolveSibling(workspace.getFileName() + "@tmp");
    }

    /** The staging directories still present under {@code @tmp}. */
    public List<Path> stagingDirectories() throws IOException {
        if (!Files.isDirectory(tempDir())) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(tempDir())) {
            return children.filter(p -> p.getFileName().toString().startsWith("kube-delivery-")).toList();
        }
    }

    public TestStepContext context() {
        return new TestStepContext()
                .with(Run.class, run)
                .with(TaskListener.class, listener)
                .with(Launcher.class, launcher)
                .with(FilePath.class, workspacePath())
                .with(EnvVars.class, environment)
                .with(CredentialsLookup.class, credentials);
    }

    /** Starts the step in a fresh context (it must go asynchronous) and waits until it completed. */
    public TestStepContext run(Step step, Duration wait) throws Exception {
        TestStepContext context = context();
        if (step.start(context).start()) {
            throw new AssertionError("the step completed on the calling thread");
        }
        if (!context.await(wait)) {
            throw new AssertionError("the step did not complete within " + wait);
        }
        return context;
    }

    public String log() {
        return listener.text();
    }

    /**
     * From now on, the text of the kubeconfig each command is given ({@code --kubeconfig}), read
     * while the command runs (the step deletes it when it ends). Takes the launcher's launch hook.
     */
    public List<String> recordKubeconfigs() {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        launcher.onLaunch(launch -> {
            int at = launch.cmds().indexOf("--kubeconfig");
            if (at >= 0) {
                try {
                    seen.add(Files.readString(Path.of(launch.cmds().get(at + 1))));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        });
        return seen;
    }
}
