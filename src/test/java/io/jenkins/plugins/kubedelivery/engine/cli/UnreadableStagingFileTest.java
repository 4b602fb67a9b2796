package io.jenkins.plugins.kubedelivery.engine.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.testsupport.OtherUser;
import io.jenkins.plugins.kubedelivery.testsupport.Resources;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The recognition of a tool that may not read a staging file, on what the pinned helm 3 and 4 and
 * kubectl 1.31 and 1.35 really print: each runs as another user (uid {@value OtherUser#UID}) than
 * the one owning a 0600 file in a 0700 staging directory, as a helm container with another
 * {@code runAsUser} than the agent does. The staging directory sits under a workspace path with a
 * space, as Jenkins jobs often have.
 */
public class UnreadableStagingFileTest {
    private static final String VALUES = "values-payments-1a2b3c4d.yaml";
    private static final String MANIFEST = "preview-pr-42-shop-5e6f7a8b.json";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private CommandRunner otherUser;
    private Path staging;
    /** A reachable-looking kubeconfig anyone may read, pointing at a port nothing listens on. */
    private Path readableKubeconfig;

    @Before
    public void setUp() throws IOException {
        OtherUser.assumeAvailable();
        Path root = tmp.getRoot().toPath();
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        otherUser = OtherUser.runner(Files.createDirectory(root.resolve("home")));
        staging = stagingDirectory(root.resolve("job with space@tmp"), "kube-delivery-" + UUID.randomUUID());
        readableKubeconfig = Files.writeString(root.resolve("readable.kubeconfig"), String.join("\n", "apiVersion: v1",
                "kind: Config", "current-context: x", "clusters: [{name: c, cluster: {server: 'https://127.0.0.1:1'}}]",
                "contexts: [{name: x, context: {cluster: c, user: u}}]", "users: [{name: u, user: {token: t}}]", ""));
        Files.setPosixFilePermissions(readableKubeconfig, PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** A 0700 directory of 0600 files, as FilePathStagingArea makes it, owned by this (root) user. */
    private static Path stagingDirectory(Path parent, String name) throws IOException {
        Files.createDirectories(parent);
        Path directory = Files.createDirectory(parent.resolve(name));
        Files.writeString(directory.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");
        Files.writeString(directory.resolve(VALUES), "replicaCount: 2\n");
        Files.writeString(directory.resolve(MANIFEST), "{}\n");
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        }
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        return directory;
    }

    private String failedOutput(String... arguments) throws Exception {
        CommandResult result = otherUser.run(CommandLine.of(List.of(arguments)), Duration.ofSeconds(60));
        assertNotEquals(result.output(), 0, result.exitCode());
        return result.output();
    }

    private static String helm(String version) {
        return Tools.helm(version).toString();
    }

    private static String kubectl(String version) {
        return Tools.kubectl(version).toString();
    }

    @Test
    public void helmThatMayNotReadTheKubeconfig() throws Exception {
        for (String version : Tools.HELM_VERSIONS) {
            String output = failedOutput(helm(version), "history", "payments", "--namespace", "stage", "--max", "10",
                    "--output", "json", "--kubeconfig", staging.resolve("kubeconfig").toString());
            assertTrue(version + ": " + output, output.contains("permission denied"));
            assertEquals(version + ": " + output, Optional.of("kubeconfig"), UnreadableStagingFile.in(output, staging.toString()));
        }
    }

    /** helm reads values files before it renders; template fails on them as upgrade does, without a cluster. */
    @Test
    public void helmThatMayNotReadAGeneratedValuesFile() throws Exception {
        for (String version : Tools.HELM_VERSIONS) {
            String output = failedOutput(helm(version), "template", "payments", chart(), "--values",
                    staging.resolve(VALUES).toString());
            assertTrue(version + ": " + output, output.contains("permission denied"));
            assertEquals(version + ": " + output, Optional.of(VALUES), UnreadableStagingFile.in(output, staging.toString()));
        }
    }

    @Test
    public void kubectlThatMayNotReadTheKubeconfig() throws Exception {
        for (String version : Tools.KUBECTL_VERSIONS) {
            String output = failedOutput(kubectl(version), "get", "namespace", "stage", "--output", "json",
                    "--kubeconfig", staging.resolve("kubeconfig").toString());
            assertEquals(version + ": " + output, Optional.of("kubeconfig"), UnreadableStagingFile.in(output, staging.toString()));
        }
    }

    @Test
    public void kubectlThatMayNotReadAPreviewManifest() throws Exception {
        for (String version : Tools.KUBECTL_VERSIONS) {
            String output = failedOutput(kubectl(version), "apply", "--filename", staging.resolve(MANIFEST).toString(),
                    "--kubeconfig", readableKubeconfig.toString());
            assertEquals(version + ": " + output, Optional.of(MANIFEST), UnreadableStagingFile.in(output, staging.toString()));
        }
    }

    /** Inside container() with a working directory of its own, the tool may name the directory under another parent. */
    @Test
    public void theStagingDirectoryNamedUnderAnotherParentIsRecognised() throws Exception {
        Path asTheContainerSeesIt = stagingDirectory(tmp.getRoot().toPath().resolve("container workspace@tmp"),
                staging.getFileName().toString());
        String output = failedOutput(helm(Tools.HELM_4), "history", "payments", "--output", "json", "--kubeconfig",
                asTheContainerSeesIt.resolve("kubeconfig").toString());
        assertEquals(output, Optional.of("kubeconfig"), UnreadableStagingFile.in(output, staging.toString()));
    }

    /** A file of the user's own (a valuesFiles entry in the workspace) is theirs to fix, not the pod template's. */
    @Test
    public void aDenialOutsideTheStagingDirectoryIsNotExplained() throws Exception {
        Path workspace = Files.createDirectory(tmp.getRoot().toPath().resolve("workspace"));
        Path ownValues = Files.writeString(workspace.resolve("values.prod.yaml"), "replicaCount: 3\n");
        Files.setPosixFilePermissions(ownValues, PosixFilePermissions.fromString("rw-------"));
        List<String> outputs = new ArrayList<>();
        for (String version : Tools.HELM_VERSIONS) {
            outputs.add(failedOutput(helm(version), "template", "payments", chart(), "--values", ownValues.toString()));
        }
        for (String output : outputs) {
            assertTrue(output, output.contains("permission denied"));
            assertEquals(output, Optional.empty(), UnreadableStagingFile.in(output, staging.toString()));
        }
    }

    @Test
    public void otherFailuresAreNotExplained() throws Exception {
        for (String version : Tools.KUBECTL_VERSIONS) {
            String output = failedOutput(kubectl(version), "get", "namespace", "stage", "--output", "json",
                    "--kubeconfig", readableKubeconfig.toString());
            assertFalse(output, output.contains("permission denied"));
            assertEquals(output, Optional.empty(), UnreadableStagingFile.in(output, staging.toString()));
        }
    }

    @Test
    public void theExplanationIsOneLineNamingTheUidToRunAs() {
        String explanation = UnreadableStagingFile.explanation("kubeconfig", OptionalInt.of(1000));
        assertEquals("the container runs as a different user than the Jenkins agent, so it cannot read the step's"
                + " kubeconfig (mode 0600, owned by uid 1000); run it as the agent's user: set"
                + " securityContext.runAsUser: 1000 in the pod template (README, \"Pod templates\")", explanation);
        assertTrue(UnreadableStagingFile.explanation("kubeconfig", OptionalInt.empty())
                .contains("owned by the agent's user); run it as the agent's user: set securityContext.runAsUser: <the agent's uid>"));
    }

    /** The fixture chart, which the other user may read where the build left it. */
    private static String chart() {
        return Resources.path("monorepo").resolve("helm/payments").toString();
    }
}
