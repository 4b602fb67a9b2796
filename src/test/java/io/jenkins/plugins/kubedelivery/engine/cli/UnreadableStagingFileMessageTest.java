package io.jenkins.plugins.kubedelivery.engine.cli;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.testsupport.LocalStagingArea;
import io.jenkins.plugins.kubedelivery.testsupport.LocalWorkspace;
import io.jenkins.plugins.kubedelivery.testsupport.OtherUser;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What a step's error says when the helm or kubectl container runs as another user than the agent:
 * the agent (here uid {@value #AGENT_UID}) owns the staging files, the tools run as uid
 * {@value OtherUser#UID}. Every use case reads its tools through {@link EnginePorts}, so the clients'
 * failures are where the explanation must show.
 */
public class UnreadableStagingFileMessageTest {
    private static final int AGENT_UID = 1001;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private LocalStagingArea staging;
    private EnginePorts ports;
    private ClusterTarget cluster;

    @Before
    public void setUp() throws Exception {
        OtherUser.assumeAvailable();
        Path root = tmp.getRoot().toPath();
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        staging = new LocalStagingArea();
        String kubeconfig = staging.write("kubeconfig", "apiVersion: v1\nkind: Config\n");
        ownedByTheAgent(staging.directory());
        ownedByTheAgent(Path.of(kubeconfig));
        ports = EnginePorts.builder()
                .tools(io.jenkins.plugins.kubedelivery.engine.cli.Tools.onPath(OtherUser.runner(Files.createDirectory(root.resolve("home"))))
                        .withHelm(Tools.helm(Tools.HELM_4).toString())
                        .withKubectl(Tools.kubectl(Tools.KUBECTL_135).toString()))
                .workspace(new LocalWorkspace(root))
                .staging(staging)
                .log(line -> { })
                .build();
        cluster = new ClusterTarget(kubeconfig, null, "https://k8s.example.com");
    }

    private static void ownedByTheAgent(Path path) throws IOException {
        Files.setAttribute(path, "unix:uid", AGENT_UID);
        Files.setAttribute(path, "unix:gid", AGENT_UID);
    }

    @After
    public void tearDown() throws IOException {
        if (staging != null) {
            staging.close();
        }
    }

    @Test
    public void aHelmFailureSaysToRunTheContainerAsTheAgentsUser() {
        HelmClient helm = new HelmClient(ports.runner(), ports.helm(), cluster);
        ToolFailedException failure = assertThrows(ToolFailedException.class, () -> helm.history("payments", "stage", 10));
        assertExplained(failure, "helm history exited 1: ", "It said: Error: kubernetes cluster unreachable: error loading config file");
    }

    @Test
    public void aKubectlFailureSaysToRunTheContainerAsTheAgentsUser() {
        KubectlClient kubectl = new KubectlClient(ports.runner(), ports.kubectl(), cluster);
        ToolFailedException failure = assertThrows(ToolFailedException.class, () -> kubectl.namespace("pr-42-shop"));
        assertExplained(failure, "kubectl get namespace exited 1: ", "It said: error: error loading config file");
    }

    private static void assertExplained(ToolFailedException failure, String start, String toolsOwnWords) {
        String message = failure.getMessage();
        assertTrue(message, message.startsWith(start + "the container runs as a different user than the Jenkins agent,"
                + " so it cannot read the step's kubeconfig (mode 0600, owned by uid " + AGENT_UID + "); run it as the"
                + " agent's user: set securityContext.runAsUser: " + AGENT_UID + " in the pod template"));
        assertTrue(message, message.contains(toolsOwnWords));
        assertTrue(message, message.endsWith("permission denied"));
        assertFalse("one line: " + message, message.contains("\n"));
    }
}
