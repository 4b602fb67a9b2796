package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.jenkins.CloudCluster;
import io.jenkins.plugins.kubedelivery.jenkins.KubernetesClouds;
import io.jenkins.plugins.kubedelivery.jenkins.support.Checkpoints;
import io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestCertificates;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * deployService reaching its cluster each way, through the step class: the kubeconfig each command
 * is given, what the build records, and that no secret reaches argv, the log or a checkpoint.
 */
public class ClusterAccessStepTest {
    private static final String TOKEN = "cluster-token-5521";
    private static final String PASSWORD = "keystore-pass-0917";
    private static final String SERVER = "https://k8s.example.com:6443";

    @ClassRule
    public static TemporaryFolder certificates = new TemporaryFolder();
    private static KeyStore keyStore;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private StepFixture fixture;
    /** The kubeconfig each command was given, read while the command ran. */
    private List<String> kubeconfigs;

    @BeforeClass
    public static void makeKeyStore() throws Exception {
        keyStore = TestCertificates.clientKeyStore(certificates.getRoot().toPath(), "deployer", PASSWORD);
    }

    private TestStepContext deploy(DeployServiceStep step, KubernetesClouds clouds) throws Exception {
        fixture = StepFixture.canned(tmp.newFolder());
        fixture.credentials.secretText("token", TOKEN).certificate("client", keyStore, PASSWORD);
        HelmReplies.monorepo(fixture.workspace);
        fixture.launcher.reply("helm", "version", HelmReplies.version())
                .reply("helm", "history", HelmReplies.history(HelmReplies.revision(1, "deployed", "Install complete")))
                .reply("helm", "upgrade", HelmReplies.release("payments", "stage", 2, "Upgrade complete"));
        kubeconfigs = fixture.recordKubeconfigs();
        TestStepContext context = fixture.context();
        if (clouds != null) {
            context.with(KubernetesClouds.class, clouds);
        }
        StepExecution execution = step.start(context);
        execution.start();
        assertTrue(context.await(Duration.ofSeconds(20)));
        String checkpoint = new String(Checkpoints.write(execution, context), StandardCharsets.ISO_8859_1);
        for (String secret : List.of(TOKEN, PASSWORD)) {
            assertFalse("argv", fixture.launcher.allArguments().contains(secret));
            assertFalse("log", fixture.log().contains(secret));
            assertFalse("checkpoint", checkpoint.contains(secret));
            assertFalse("failure", String.valueOf(context.failure()).contains(secret));
        }
        assertFalse("the CA never reaches argv", fixture.launcher.allArguments().contains("BEGIN CERTIFICATE"));
        assertEquals("the staging directory is gone", List.of(), fixture.stagingDirectories());
        return context;
    }

    private static DeployServiceStep step() {
        return new DeployServiceStep("payments", "stage");
    }

    @Test
    public void aTokenWithItsCaReachesTheCommandsInTheKubeconfigOnly() throws Exception {
        DeployServiceStep step = step();
        step.setKubeconfigCredentialsId("token");
        step.setServer(SERVER);
        step.setCaCertificate(TestCertificates.SAMPLE_CA_BUNDLE);

        deploy(step, null);

        assertFalse("a command got the kubeconfig", kubeconfigs.isEmpty());
        String caData = Base64.getEncoder().encodeToString(TestCertificates.SAMPLE_CA_BUNDLE.strip().getBytes(StandardCharsets.US_ASCII));
        assertTrue(kubeconfigs.get(0), kubeconfigs.get(0).contains(caData) && kubeconfigs.get(0).contains(TOKEN));
        assertEquals(List.of("token"), fixture.credentials.tracked());
    }

    @Test
    public void aCertificateCredentialReachesTheCommandsAsClientCertificateAndKey() throws Exception {
        DeployServiceStep step = step();
        step.setKubeconfigCredentialsId("client");
        step.setServer(SERVER);

        deploy(step, null);

        assertFalse(kubeconfigs.isEmpty());
        assertTrue(kubeconfigs.get(0).contains("\"client-certificate-data\"") && kubeconfigs.get(0).contains("\"client-key-data\""));
        assertEquals(List.of("client"), fixture.credentials.tracked());
    }

    @Test
    public void aCloudGivesItsServerAndCredentials() throws Exception {
        DeployServiceStep step = step();
        step.setCloud("kubernetes");

        deploy(step, name -> new CloudCluster(name, SERVER, TestCertificates.SAMPLE_CA_BUNDLE, "token", false));

        assertFalse(kubeconfigs.isEmpty());
        assertTrue(kubeconfigs.get(0), kubeconfigs.get(0).contains("\"server\":\"" + SERVER + "\"") && kubeconfigs.get(0).contains(TOKEN));
        assertEquals(List.of("token"), fixture.credentials.tracked());
        assertTrue(fixture.log(), fixture.log().contains("Cluster: https://k8s.example.com:6443 (through the Kubernetes cloud 'kubernetes')"));
    }

    @Test
    public void anUnknownCloudFailsTheStepBeforeAnyCommand() throws Exception {
        DeployServiceStep step = step();
        step.setCloud("nope");

        TestStepContext context = deploy(step, name -> {
            throw new AbortException("cloud: there is no cloud named '" + name + "'");
        });

        assertEquals("deployService: cloud: there is no cloud named 'nope'", context.failure().getMessage());
        assertEquals(0, fixture.launcher.launches().size());
    }
}
