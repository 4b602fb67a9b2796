package io.jenkins.plugins.kubedelivery.testsupport;

import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.rules.ExternalResource;

/**
 * A copy of the fixture monorepo as the workspace, a private staging area, a captured log and a
 * fixed clock: the ports of an engine test. The copy lets a test add files or links freely.
 */
public final class EngineFixture extends ExternalResource {
    public static final Instant NOW = Instant.parse("2026-11-22T10:02:00Z");

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private Path workspace;
    private LocalStagingArea staging;

    @Override
    protected void before() throws IOException {
        workspace = Files.createTempDirectory("monorepo-");
        copy(Resources.path("monorepo"), workspace);
        staging = new LocalStagingArea();
    }

    @Override
    protected void after() {
        try {
            staging.close();
            deleteTree(workspace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public EnginePorts ports(CommandRunner runner) {
        return ports(runner, "helm");
    }

    public EnginePorts ports(CommandRunner runner, String helm) {
        return portsBuilder(runner, helm, "kubectl").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    /**
     * Ports onto a simulated cluster, with the pinned helm of that version and kubectl 1.35, run as
     * local processes in the workspace.
     */
    public EnginePorts livePorts(TestCluster cluster, String helmVersion) {
        return livePorts(new LocalProcessRunner(workspace, cluster.environment()), Tools.helm(helmVersion).toString(),
                Tools.kubectl(Tools.KUBECTL_135).toString());
    }

    /** The simulated cluster as the engine addresses it. */
    public static ClusterTarget target(TestCluster cluster) {
        return new ClusterTarget(cluster.kubeconfig().toString(), null, "testcluster");
    }

    public EnginePorts livePorts(CommandRunner runner, String helm, String kubectl) {
        return livePorts(runner, helm, kubectl, Clock.systemUTC());
    }

    public EnginePorts livePorts(CommandRunner runner, String helm, String kubectl, Clock clock) {
        return portsBuilder(runner, helm, kubectl).clock(clock).build();
    }

    /**
     * The fixture's workspace, staging area and log around a runner (its argv recorded for the
     * secret scan), for a test that sets other ports itself (HTTP, a masking filter, git).
     */
    public EnginePorts.Builder portsBuilder(CommandRunner runner, String helm, String kubectl) {
        return EnginePorts.builder()
                .tools(io.jenkins.plugins.kubedelivery.engine.cli.Tools.onPath(recorded(runner)).withHelm(helm).withKubectl(kubectl))
                .workspace(new LocalWorkspace(workspace))
                .staging(staging)
                .log(this::logLine);
    }

    /** What the engine logs, kept for the test and for the secret scan. */
    private void logLine(String line) {
        log.add(line);
        OutputRecorder.record("engine log", line);
    }

    /** Every command's argv goes to the secret scan. */
    private static CommandRunner recorded(CommandRunner runner) {
        return (command, timeout) -> {
            OutputRecorder.record("argv", command.arguments());
            return runner.run(command, timeout);
        };
    }

    public Path workspace() {
        return workspace;
    }

    public LocalStagingArea staging() {
        return staging;
    }

    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public String logText() {
        return String.join("\n", log());
    }

    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
