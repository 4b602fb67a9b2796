package io.jenkins.plugins.kubedelivery.jenkins.support;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.LocalProcessRunner;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.rules.TemporaryFolder;

/** The simulated cluster as canaryShift's step tests start from it: namespace stage, the stable Ingress payments, helm 3 and kubectl. */
public final class CanaryClusters {
    private CanaryClusters() {}

    public static StepFixture withStableIngress(TestCluster cluster, TemporaryFolder tmp) throws Exception {
        return withStableIngress(cluster, tmp, "stage");
    }

    /** The same in another namespace (the one a delivery.yaml names). */
    public static StepFixture withStableIngress(TestCluster cluster, TemporaryFolder tmp, String namespace) throws Exception {
        cluster.createNamespace(namespace);
        StepFixture fixture = StepFixture.against(cluster, Tools.HELM_3, tmp.newFolder("build"));
        HelmReplies.monorepo(fixture.workspace);
        Path ingress = tmp.newFile("ingress.json").toPath();
        Files.writeString(ingress, """
                {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"payments","namespace":"%s"},
                 "spec":{"ingressClassName":"nginx","rules":[{"host":"pay.example.com","http":{"paths":[
                   {"path":"/","pathType":"Prefix","backend":{"service":{"name":"payments","port":{"number":80}}}}]}}]}}
                """.formatted(namespace));
        kubectl(cluster, tmp, "apply", "-f", ingress.toString());
        return fixture;
    }

    /** kubectl 1.35 against the cluster; fails the test unless it exits 0. */
    public static String kubectl(TestCluster cluster, TemporaryFolder tmp, String... arguments) throws IOException, InterruptedException {
        return run(Tools.kubectl(Tools.KUBECTL_135), cluster, tmp, arguments);
    }

    /** helm 3 against the cluster (the stable release a canary runs beside); fails the test unless it exits 0. */
    public static String helm(TestCluster cluster, TemporaryFolder tmp, String... arguments) throws IOException, InterruptedException {
        return run(Tools.helm(Tools.HELM_3), cluster, tmp, arguments);
    }

    private static String run(Path tool, TestCluster cluster, TemporaryFolder tmp, String... arguments)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(tool.toString(), "--kubeconfig", cluster.kubeconfig().toString()));
        argv.addAll(List.of(arguments));
        var result = new LocalProcessRunner(tmp.getRoot().toPath(), cluster.environment()).run(CommandLine.of(argv),
                Duration.ofSeconds(60));
        assertEquals(result.output(), 0, result.exitCode());
        return result.output().strip();
    }
}
