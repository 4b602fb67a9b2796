package io.jenkins.plugins.kubedelivery.engine.routing;

import static org.junit.Assert.assertEquals;

import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.engine.cli.JsonOutput;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.LocalProcessRunner;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A router's test bench on the simulated cluster: the engine's ports with the real kubectl of one
 * version, a second kubectl for the test's own setup and checks, and a way to make another client
 * change an object between the router's read and its write (the race a precondition must catch).
 */
public final class RoutingCluster {
    private final EngineFixture fixture;
    private final TestCluster cluster;
    private final String kubectlVersion;
    private final LocalProcessRunner runner;
    /** kubectl arguments another client runs just before each of the router's next writes. */
    private final List<List<String>> interferences = new ArrayList<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final EnginePorts ports;

    public RoutingCluster(EngineFixture fixture, TestCluster cluster, String kubectlVersion) {
        this.fixture = fixture;
        this.cluster = cluster;
        this.kubectlVersion = kubectlVersion;
        this.runner = new LocalProcessRunner(fixture.workspace(), cluster.environment());
        this.ports = fixture.livePorts((command, timeout) -> {
            if (isWrite(command) && !interferences.isEmpty()) {
                run(0, interferences.remove(0));
            }
            if (isWrite(command)) {
                writes.incrementAndGet();
            }
            calls.incrementAndGet();
            return runner.run(command, timeout);
        }, "helm", Tools.kubectl(kubectlVersion).toString());
    }

    /** The routers' objects, over ports whose runner lets {@link #beforeNextWrites} interfere. */
    public RoutingObjects objects() {
        return new RoutingObjects(new KubectlClient(ports.runner(), ports.kubectl(), EngineFixture.target(cluster)),
                ports.staging(), ports.log());
    }

    /** The engine log, which the fixture keeps ({@code fixture.logText()}). */
    public EngineLog log() {
        return ports.log();
    }

    private static boolean isWrite(CommandLine command) {
        List<String> args = command.arguments();
        return args.size() > 1 && List.of("replace", "create", "delete", "patch").contains(args.get(1));
    }

    /** Another client runs these kubectl arguments (one per write) just before the router's next writes. */
    public void beforeNextWrites(List<String>... kubectlArguments) {
        for (List<String> arguments : kubectlArguments) {
            interferences.add(arguments);
        }
    }

    /** The router's writes so far (each attempt counts). */
    public int writes() {
        return writes.get();
    }

    /** The router's kubectl commands so far, reads included. */
    public int calls() {
        return calls.get();
    }

    public CommandResult kubectl(int expectedExit, String... arguments) throws Exception {
        return run(expectedExit, List.of(arguments));
    }

    private CommandResult run(int expectedExit, List<String> arguments) {
        List<String> argv = new ArrayList<>(List.of(Tools.kubectl(kubectlVersion).toString(), "--kubeconfig",
                cluster.kubeconfig().toString()));
        argv.addAll(arguments);
        try {
            CommandResult result = runner.run(CommandLine.of(argv), Duration.ofSeconds(60));
            assertEquals(argv + ": " + result.output(), expectedExit, result.exitCode() == 0 ? 0 : 1);
            return result;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Applies a JSON or YAML manifest with the test's own kubectl. */
    public void apply(String manifest) throws Exception {
        kubectl(0, "apply", "-f", fixture.staging().write(uniqueFile(), manifest));
    }

    /** A merge patch from the test's own kubectl, as a person editing the object would. */
    public List<String> mergePatch(String resource, String name, String namespace, String patch) throws Exception {
        return patch("merge", resource, name, namespace, patch);
    }

    /** A patch of that type ({@code merge}, {@code json}) from the test's own kubectl. */
    public List<String> patch(String type, String resource, String name, String namespace, String patch) throws Exception {
        return List.of("patch", resource, name, "-n", namespace, "--type", type, "--patch-file",
                fixture.staging().write(uniqueFile(), patch));
    }

    public JsonObject get(String resource, String name, String namespace) throws Exception {
        return JsonOutput.parse(kubectl(0, "get", resource, name, "-n", namespace, "-o", "json").output(), "kubectl get")
                .asObject();
    }

    private static String uniqueFile() {
        return "test-" + java.util.UUID.randomUUID() + ".json";
    }
}
