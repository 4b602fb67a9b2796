package io.jenkins.plugins.kubedelivery.jenkins;

import static io.jenkins.plugins.kubedelivery.jenkins.KubeconfigScopeTest.expectValidation;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.engine.SecretMask;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterIdentity;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestCertificates;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestCredentials;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Every kind of cluster access beyond the kubeconfig file: a token or a client certificate with
 * server and CA, and a Kubernetes cloud; which credentials are tracked; what is refused.
 */
public class ClusterAccessKindsTest {
    private static final String SERVER = "https://k8s.example.com:6443";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.dG9rZW4.c2ln";
    private static final String KEYSTORE_PASSWORD = "keystore-pass-7731";

    @ClassRule
    public static TemporaryFolder certificates = new TemporaryFolder();
    private static KeyStore clientKeyStore;
    /** A CA bundle as files hold them: comment lines first, with characters sh would interpret. */
    private static String caBundle;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private StepFixture fixture;
    private FilePathStagingArea staging;
    private final SecretMask mask = new SecretMask();
    private final Map<String, CloudCluster> clouds = new java.util.HashMap<>();

    @BeforeClass
    public static void makeCertificates() throws Exception {
        Path dir = certificates.getRoot().toPath();
        clientKeyStore = TestCertificates.clientKeyStore(dir, "deployer", KEYSTORE_PASSWORD);
        caBundle = "# Issuer: O=\"Ops $HOME `id` \\ it's\"\n" + TestCertificates.caCertificatePem(dir, "cluster-ca");
    }

    @Before
    public void setUp() throws Exception {
        fixture = StepFixture.canned(tmp.getRoot());
        fixture.credentials.secretText("token", TOKEN)
                .certificate("client", clientKeyStore, KEYSTORE_PASSWORD)
                .certificate("client-wrong-password", clientKeyStore, "not-the-password")
                .secretFile("kubeconfig", TestCredentials.kubeconfig("https://k8s.stage.example.com:6443", "stage"))
                .other("registry-login");
        staging = FilePathStagingArea.create(fixture.workspacePath());
    }

    @After
    public void tearDown() throws Exception {
        staging.close();
    }

    private ClusterTarget open(ClusterAccess access) throws Exception {
        KubernetesClouds finder = name -> {
            CloudCluster cloud = clouds.get(name);
            if (cloud == null) {
                throw new AbortException("cloud: there is no cloud named '" + name + "'");
            }
            return cloud;
        };
        return new KubeconfigScope(fixture.credentials, finder, mask).open(access, fixture.run, staging);
    }

    private static JsonObject kubeconfig(ClusterTarget target) throws Exception {
        return Json.parse(Files.readString(Path.of(target.kubeconfigPath()))).asObject();
    }

    private static JsonObject clusterOf(JsonObject kubeconfig) {
        return kubeconfig.get("clusters").asArray().get(0).asObject().get("cluster").asObject();
    }

    private static JsonObject userOf(JsonObject kubeconfig) {
        return kubeconfig.get("users").asArray().get(0).asObject().get("user").asObject();
    }

    private static String decoded(JsonObject object, String field) {
        return new String(Base64.getDecoder().decode(object.getString(field, null)), StandardCharsets.US_ASCII);
    }

    @Test
    public void aTokenWithACaCertificateCarriesTheCaInTheKubeconfigFile() throws Exception {
        ClusterTarget target = open(new ClusterAccess("token", null, SERVER, caBundle, null));

        JsonObject config = kubeconfig(target);
        assertEquals(SERVER, clusterOf(config).getString("server", null));
        assertEquals("the whole bundle, as given (trimmed like every parameter)", caBundle.strip(), decoded(clusterOf(config), "certificate-authority-data"));
        assertNull(clusterOf(config).get("insecure-skip-tls-verify"));
        assertEquals(TOKEN, userOf(config).getString("token", null));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(target.kubeconfigPath()))));
        assertEquals(ClusterIdentity.ofServer("server", SERVER), target.identity());
        assertEquals(List.of("token"), fixture.credentials.tracked());
    }

    @Test
    public void aCertificateCredentialBecomesAClientCertificateAndKeyInTheKubeconfigFile() throws Exception {
        ClusterTarget target = open(new ClusterAccess("client", null, SERVER, caBundle, null));

        JsonObject user = userOf(kubeconfig(target));
        String certificatePem = decoded(user, "client-certificate-data");
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(clientKeyStore.getCertificate("deployer"), certificate);
        String keyPem = decoded(user, "client-key-data");
        assertTrue(keyPem, keyPem.startsWith("-----BEGIN PRIVATE KEY-----\n") && keyPem.endsWith("-----END PRIVATE KEY-----\n"));
        byte[] key = Base64.getMimeDecoder().decode(keyPem.replaceAll("-----[A-Z ]+-----", ""));
        assertArrayEquals(clientKeyStore.getKey("deployer", KEYSTORE_PASSWORD.toCharArray()).getEncoded(), key);
        assertNull("no token", user.get("token"));
        assertEquals(caBundle.strip(), decoded(clusterOf(kubeconfig(target)), "certificate-authority-data"));

        assertEquals("key and password are masked from now on", "<masked-2> <masked-1>",
                mask.apply(keyPem.lines().skip(1).findFirst().orElseThrow() + " " + KEYSTORE_PASSWORD));
        assertEquals(List.of("client"), fixture.credentials.tracked());
    }

    @Test
    public void aCertificateWhosePasswordDoesNotOpenItIsRefusedWithoutQuotingIt() {
        AbortException e = assertThrows(AbortException.class,
                () -> open(new ClusterAccess("client-wrong-password", null, SERVER)));

        assertTrue(e.getMessage(), e.getMessage().startsWith(
                "kubeconfigCredentialsId: the Certificate credential 'client-wrong-password' cannot be read with its password"));
        assertFalse(e.getMessage().contains("not-the-password"));
        assertEquals(List.of(), fixture.credentials.tracked());
    }

    @Test
    public void tokenAndCertificateNeedAServerAndTakeNoContext() {
        for (String id : List.of("token", "client")) {
            assertEquals("server", expectValidation(() -> open(new ClusterAccess(id, null, null))).parameter());
            assertEquals("kubeContext", expectValidation(() -> open(new ClusterAccess(id, "other", SERVER))).parameter());
        }
    }

    @Test
    public void aCaCertificateMustBePemAndBelongsToAServer() {
        assertEquals("caCertificate", expectValidation(() -> new ClusterAccess("token", null, SERVER, "not a certificate", null))
                .parameter());
        assertEquals("caCertificate", expectValidation(() -> new ClusterAccess("token", null, SERVER,
                "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n", null)).parameter());
        assertEquals("caCertificate", expectValidation(() -> new ClusterAccess("kubeconfig", null, null, caBundle, null))
                .parameter());
    }

    @Test
    public void aKubeconfigCredentialTakesNeitherServerNorCa() {
        assertEquals("server", expectValidation(() -> open(new ClusterAccess("kubeconfig", null, SERVER, caBundle, null)))
                .parameter());
    }

    @Test
    public void theWrongTypeAndAnUnknownIdNameTheIdAndEveryTypeTaken() {
        for (String id : List.of("registry-login", "no-such-id")) {
            AbortException e = assertThrows(AbortException.class, () -> open(new ClusterAccess(id, null, null)));
            assertTrue(e.getMessage(), e.getMessage().startsWith("kubeconfigCredentialsId: ") && e.getMessage().contains("'" + id + "'"));
            assertTrue(e.getMessage(), e.getMessage().contains("Secret file") && e.getMessage().contains("Secret text")
                    && e.getMessage().contains("Certificate credential"));
            assertEquals("one line", 1, e.getMessage().lines().count());
        }
        assertEquals("nothing refused is tracked", List.of(), fixture.credentials.tracked());
    }

    @Test
    public void aKubeconfigFileIsTrackedToo() throws Exception {
        open(new ClusterAccess("kubeconfig", null, null));
        assertEquals(List.of("kubeconfig"), fixture.credentials.tracked());
    }

    @Test
    public void aCloudWithATokenGivesItsServerCaAndTlsChoice() throws Exception {
        clouds.put("kubernetes", new CloudCluster("kubernetes", SERVER, caBundle, "token", true));

        ClusterTarget target = open(new ClusterAccess(null, null, null, null, "kubernetes"));

        JsonObject config = kubeconfig(target);
        assertEquals(SERVER, clusterOf(config).getString("server", null));
        assertEquals(caBundle, decoded(clusterOf(config), "certificate-authority-data"));
        assertTrue(clusterOf(config).getBoolean("insecure-skip-tls-verify", false));
        assertEquals(TOKEN, userOf(config).getString("token", null));
        assertEquals(ClusterIdentity.ofServer("server", SERVER), target.identity());
        assertEquals(List.of("token"), fixture.credentials.tracked());
    }

    @Test
    public void aCloudWithACertificateOrAKubeconfigUsesThem() throws Exception {
        clouds.put("certs", new CloudCluster("certs", SERVER, null, "client", false));
        clouds.put("file", new CloudCluster("file", null, null, "kubeconfig", false));

        assertTrue(userOf(kubeconfig(open(new ClusterAccess(null, null, null, null, "certs")))).get("client-key-data") != null);
        assertEquals("https://k8s.stage.example.com:6443", open(new ClusterAccess(null, null, null, null, "file")).identity());
        assertEquals(List.of("client", "kubeconfig"), fixture.credentials.tracked());
    }

    @Test
    public void aCloudWithoutCredentialsIsThePodsOwnCluster() throws Exception {
        clouds.put("in-cluster", new CloudCluster("in-cluster", "https://kubernetes.default.svc", null, null, false));

        assertEquals(ClusterTarget.inCluster(), open(new ClusterAccess(null, null, null, null, "in-cluster")));
        assertEquals(List.of(), fixture.credentials.lookedUp());
    }

    @Test
    public void aCloudWhoseCredentialsTheBuildCannotSeeIsRefusedWithAdvice() {
        clouds.put("kubernetes", new CloudCluster("kubernetes", SERVER, null, "system-scoped", false));

        AbortException e = assertThrows(AbortException.class, () -> open(new ClusterAccess(null, null, null, null, "kubernetes")));

        assertTrue(e.getMessage(), e.getMessage().startsWith("cloud: the Kubernetes cloud 'kubernetes' uses the credentials"
                + " 'system-scoped', which this build cannot see"));
        assertTrue(e.getMessage(), e.getMessage().contains("make them Global"));
    }

    @Test
    public void aCloudIsRefusedWhenItsCredentialsOrServerCannotWork() {
        clouds.put("other-kind", new CloudCluster("other-kind", SERVER, null, "registry-login", false));
        clouds.put("no-url", new CloudCluster("no-url", null, null, "token", false));
        clouds.put("plain-http", new CloudCluster("plain-http", "http://k8s.example.com", null, "token", false));

        AbortException otherKind = assertThrows(AbortException.class, () -> open(new ClusterAccess(null, null, null, null, "other-kind")));
        assertTrue(otherKind.getMessage(), otherKind.getMessage().startsWith("cloud: the Kubernetes cloud 'other-kind' uses the"
                + " credentials 'registry-login'"));
        AbortException noUrl = assertThrows(AbortException.class, () -> open(new ClusterAccess(null, null, null, null, "no-url")));
        assertTrue(noUrl.getMessage(), noUrl.getMessage().contains("has no Kubernetes URL"));
        assertEquals("cloud", expectValidation(() -> open(new ClusterAccess(null, null, null, null, "plain-http"))).parameter());
        assertEquals(List.of(), fixture.credentials.tracked());
    }

    @Test
    public void aCloudTakesNoOtherClusterParameter() {
        assertCloudRefusesBeside("kubeconfigCredentialsId", () -> new ClusterAccess("token", null, null, null, "k"));
        assertCloudRefusesBeside("server", () -> new ClusterAccess(null, null, SERVER, null, "k"));
        assertCloudRefusesBeside("caCertificate", () -> new ClusterAccess(null, null, null, caBundle, "k"));
        assertCloudRefusesBeside("kubeContext", () -> new ClusterAccess(null, "ctx", null, null, "k"));
    }

    private static void assertCloudRefusesBeside(String other, KubeconfigScopeTest.Action action) {
        var e = expectValidation(action);
        assertEquals("cloud", e.parameter());
        assertTrue(e.getMessage(), e.getMessage().startsWith("cloud: cannot be combined with " + other + ":"));
    }
}
