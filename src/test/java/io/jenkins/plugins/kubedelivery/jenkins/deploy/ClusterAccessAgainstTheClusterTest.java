package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestCertificates;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testcluster.TlsFront;
import io.jenkins.plugins.kubedelivery.testsupport.SecretScan;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The real helm and kubectl reach the simulated cluster through an https front that checks what
 * the step generated: the server certificate against caCertificate (a wrong CA fails the tools),
 * the client certificate in the handshake, and the bearer token the front sees in each request.
 */
public class ClusterAccessAgainstTheClusterTest {
    private static final String HELM = "3.17.3";
    private static final String KUBECTL = "1.35.2";
    private static final String TOKEN = "front-checked-token-4410";
    private static final String CLIENT_PASSWORD = "client-keystore-8812";
    private static final String SERVER_PASSWORD = "server-keystore";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @ClassRule
    public static TemporaryFolder certificates = new TemporaryFolder();
    private static KeyStore serverKeys;
    private static KeyStore clientKeys;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    @Rule
    public final TestCluster cluster = new TestCluster();
    @Rule
    public final SecretScan scan = new SecretScan();

    private StepFixture fixture;
    private TlsFront front;
    /** The kubeconfig each command was given, read while the command ran. */
    private List<String> kubeconfigs;

    @BeforeClass
    public static void makeKeys() throws Exception {
        Path dir = certificates.getRoot().toPath();
        serverKeys = TestCertificates.serverKeyStore(dir, SERVER_PASSWORD);
        clientKeys = TestCertificates.clientKeyStore(dir, "deployer", CLIENT_PASSWORD);
    }

    private void start(boolean requireClientCertificate) throws Exception {
        cluster.createNamespace("stage");
        front = new TlsFront(cluster.url(), serverKeys, SERVER_PASSWORD.toCharArray(),
                requireClientCertificate ? TestCertificates.trusting(clientKeys, "deployer") : null);
        fixture = StepFixture.against(cluster, HELM, tmp.newFolder("build"));
        HelmReplies.monorepo(fixture.workspace);
        fixture.credentials.secretText("token", scan.secret(TOKEN))
                .certificate("client", clientKeys, scan.secret(CLIENT_PASSWORD));
        kubeconfigs = fixture.recordKubeconfigs();
    }

    @After
    public void stopFront() throws Exception {
        if (front != null) {
            front.close();
        }
    }

    private DeployServiceStep step(String credentialsId, String caCertificate) {
        DeployServiceStep step = new DeployServiceStep("payments", "stage");
        step.setKubeconfigCredentialsId(credentialsId);
        step.setServer(front.url());
        step.setCaCertificate(caCertificate);
        step.setTimeout("30s");
        return step;
    }

    @Test
    public void aTokenWithItsCaDeploysAndEveryRequestCarriesTheToken() throws Exception {
        start(false);

        TestStepContext context = fixture.run(step("token", TestCertificates.pem(serverKeys, "server")), WAIT);

        assertNull(fixture.log(), context.failure());
        assertEquals("deployed v1", cluster.releaseState("stage", "payments").orElseThrow());
        assertTrue("requests went through the front", !front.requestStarts().isEmpty());
        for (String request : front.requestStarts()) {
            assertTrue(request.lines().findFirst().orElse(""), request.contains("Authorization: Bearer " + TOKEN));
        }
        assertEquals("real kubectl with the same kubeconfig", "namespace/stage", kubectl(kubeconfigs.get(0), "get", "namespace",
                "stage", "--output", "name"));
    }

    @Test
    public void withoutTheRightCaTheToolsRefuseTheServer() throws Exception {
        start(false);

        TestStepContext context = fixture.run(step("token", TestCertificates.SAMPLE_CA_BUNDLE), WAIT);

        assertTrue(String.valueOf(context.failure()), String.valueOf(context.failure()).contains("certificate"));
        assertTrue(cluster.releaseState("stage", "payments").isEmpty());
    }

    @Test
    public void aCertificateCredentialAuthenticatesInTheHandshake() throws Exception {
        start(true);

        TestStepContext context = fixture.run(step("client", TestCertificates.pem(serverKeys, "server")), WAIT);

        assertNull(fixture.log(), context.failure());
        assertEquals("deployed v1", cluster.releaseState("stage", "payments").orElseThrow());
        assertTrue(!front.clientCertificates().isEmpty());
        for (java.security.cert.Certificate presented : front.clientCertificates()) {
            assertEquals(clientKeys.getCertificate("deployer"), presented);
        }
        assertEquals("namespace/stage", kubectl(kubeconfigs.get(0), "get", "namespace", "stage", "--output", "name"));
    }

    /** Runs the real kubectl with a copy of a kubeconfig the step generated (the step's own is gone). */
    private String kubectl(String kubeconfig, String... args) throws Exception {
        Path copy = tmp.newFile("kubeconfig-copy").toPath();
        Files.writeString(copy, kubeconfig);
        List<String> command = new ArrayList<>(List.of(Tools.kubectl(KUBECTL).toString(), "--kubeconfig", copy.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(cluster.environment());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(output, 0, process.waitFor());
        return output;
    }
}
