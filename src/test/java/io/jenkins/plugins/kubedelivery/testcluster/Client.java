package io.jenkins.plugins.kubedelivery.testcluster;

import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.kubedelivery.testcluster.ClientProcess.Result;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.file.Path;
import java.time.Duration;

/** One pinned client binary pointed at one test cluster, for the conformance tests' many calls. */
record Client(TestCluster cluster, Path binary, String version) {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    static Client kubectl(TestCluster cluster, String version) {
        return new Client(cluster, Tools.kubectl(version), version);
    }

    static Client helm(TestCluster cluster, String version) {
        return new Client(cluster, Tools.helm(version), version);
    }

    Result run(String... args) {
        return ClientProcess.run(cluster, TIMEOUT, binary, args);
    }

    /** Runs and fails the test, with the whole output, unless the command succeeded. */
    Result ok(String... args) {
        Result result = run(args);
        assertTrue(result.toString(), result.succeeded());
        return result;
    }

    JsonNode json(String... args) {
        return Json.parse(ok(args).stdout());
    }

    /** A name of {@code prefix} unique to this client's version, so that versions sharing a cluster never clash. */
    String unique(String prefix) {
        return prefix + "-" + version.replace('.', '-');
    }
}
