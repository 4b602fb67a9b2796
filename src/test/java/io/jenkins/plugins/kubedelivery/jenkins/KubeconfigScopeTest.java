package io.jenkins.plugins.kubedelivery.jenkins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.engine.SecretMask;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class KubeconfigScopeTest {
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0.dG9rZW4";
    private static final String STAGE_SERVER = "https://k8s.stage.example.com:6443";
    /** Two contexts, stage and stage-admin, for one cluster. */
    private static final String KUBECONFIG = String.join("\n", "apiVersion: v1", "kind: Config", "current-context: stage",
            "clusters:", "- name: stage", "  cluster: {server: '" + STAGE_SERVER + "'}",
            "contexts:", "- name: stage", "  context: {cluster: stage, user: deployer}",
            "- name: stage-admin", "  context: {cluster: stage, user: admin}",
            "users:", "- name: deployer", "  user: {}", "- name: admin", "  user: {}", "");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private StepFixture fixture;
    private FilePathStagingArea staging;
    private final SecretMask mask = new SecretMask();

    @Before
    public void setUp() throws Exception {
        fixture = StepFixture.canned(tmp.getRoot());
        fixture.credentials.secretFile("stage-kubeconfig", KUBECONFIG)
                .secretFile("stage-kubeconfig-copy", KUBECONFIG)
                .secretFile("prod-kubeconfig", TestCredentials.kubeconfig("https://k8s.prod.example.com:6443", "prod"))
                .secretFile("stage-without-context", "apiVersion: v1\nkind: Config\nclusters: []\n")
                .secretText("stage-token", TOKEN)
                .secretText("empty-token", "")
                .other("registry-login");
        staging = FilePathStagingArea.create(fixture.workspacePath());
    }

    @After
    public void tearDown() throws Exception {
        staging.close();
    }

    private ClusterTarget open(String id, String context, String server) throws Exception {
        return new KubeconfigScope(fixture.credentials, mask).open(new ClusterAccess(id, context, server), fixture.run, staging);
    }

    @Test
    public void withoutCredentialsUsesThePodsServiceAccount() throws Exception {
        ClusterTarget target = open(null, null, null);

        assertEquals(ClusterTarget.inCluster(), target);
        assertTrue("nothing looked up", fixture.credentials.lookedUp().isEmpty());
    }

    @Test
    public void aSecretFileIsTheKubeconfig() throws Exception {
        ClusterTarget target = open("stage-kubeconfig", "stage-admin", null);

        Path file = Path.of(target.kubeconfigPath());
        assertEquals(KUBECONFIG, Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Path.of(staging.path()), file.getParent());
        assertFalse(file.startsWith(fixture.workspace));
        assertEquals("stage-admin", target.kubeContext());
        assertEquals("https://k8s.stage.example.com:6443", target.identity());
    }

    @Test
    public void theUserCredentialsOfAKubeconfigAreMaskedFromNowOn() throws Exception {
        fixture.credentials.secretFile("admin-kubeconfig", """
                apiVersion: v1
                kind: Config
                current-context: admin
                clusters:
                - name: stage
                  cluster:
                    server: https://k8s.stage.example.com:6443
                contexts:
                - name: admin
                  context:
                    cluster: stage
                    user: admin
                users:
                - name: admin
                  user:
                    token: kubeconfig-bearer-token-77
                - name: cert
                  user:
                    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
                    client-key-data: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t
                """);
        open("admin-kubeconfig", null, null);

        assertEquals("<masked-1> <masked-2> LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t", mask.apply(
                "kubeconfig-bearer-token-77 LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"));
    }

    @Test
    public void aKubeconfigThatDoesNotParseIsRefusedWithoutQuotingItAndRegistersNothing() throws Exception {
        fixture.credentials.secretFile("broken-kubeconfig", "users: [unclosed-token-1234\n");
        ValidationException e = assertThrows(ValidationException.class, () -> open("broken-kubeconfig", null, null));
        assertEquals("kubeconfigCredentialsId: the kubeconfig is not valid YAML (line 2)", e.getMessage());
        assertTrue(mask.isEmpty());
    }

    @Test
    public void theIdentityIsStableAcrossBuilds() throws Exception {
        ClusterTarget first = open("stage-kubeconfig", null, null);
        ClusterTarget second = open("stage-kubeconfig", null, null);

        assertEquals("https://k8s.stage.example.com:6443", first.identity());
        assertEquals(first.identity(), second.identity());
    }

    @Test
    public void theIdentityIsTheClusterWhicheverCredentialsOrContextReachIt() throws Exception {
        String stage = open("stage-kubeconfig", null, null).identity();

        assertEquals(stage, open("stage-kubeconfig-copy", null, null).identity());
        assertEquals(stage, open("stage-kubeconfig", "stage-admin", null).identity());
        assertEquals(stage, open("stage-kubeconfig", "stage", null).identity());
        assertEquals(stage, open("stage-token", null, "https://K8S.stage.example.com:6443/").identity());
        assertNotEquals(stage, open("prod-kubeconfig", null, null).identity());
        assertNotEquals(stage, open("stage-token", null, "https://k8s.stage.example.com").identity());
    }

    @Test
    public void aKubeconfigThatNamesNoServerIsRefusedBeforeAnythingIsWritten() throws Exception {
        assertEquals("kubeContext", expectValidation(() -> open("stage-kubeconfig", "qa", null)).parameter());
        assertEquals("kubeContext", expectValidation(() -> open("stage-without-context", null, null)).parameter());
        assertNoFileWritten();
    }

    @Test
    public void aTokenBecomesAGeneratedKubeconfigForTheServer() throws Exception {
        ClusterTarget target = open("stage-token", null, "https://k8s.example.com:6443");

        JsonObject config = Json.parse(Files.readString(Path.of(target.kubeconfigPath()))).asObject();
        assertEquals("https://k8s.example.com:6443", config.get("clusters").asArray().get(0).asObject()
                .get("cluster").asObject().getString("server", null));
        assertEquals(TOKEN, config.get("users").asArray().get(0).asObject().get("user").asObject().getString("token", null));
        assertEquals("kube-delivery", config.getString("current-context", null));
        assertNull("the generated file has one context", target.kubeContext());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(Path.of(target.kubeconfigPath()))));
        assertEquals("the token is masked from now on", "token <masked-1>", mask.apply("token " + TOKEN));
        assertFalse(target.identity().contains(TOKEN));
    }

    @Test
    public void aTokenNeedsAServerAndWritesNothingWithout() throws Exception {
        ValidationException e = expectValidation(() -> open("stage-token", null, null));

        assertEquals("server", e.parameter());
        assertTrue(e.getMessage(), e.getMessage().contains("'stage-token'"));
        assertNoFileWritten();
    }

    @Test
    public void theServerMustBeAnHttpsUrl() throws Exception {
        for (String server : new String[] {"http://k8s.example.com", "k8s.example.com", "https://user:pw@k8s.example.com",
                "https:///nohost", "not a url"}) {
            ValidationException e = expectValidation(() -> open("stage-token", null, server));
            assertEquals("server", e.parameter());
        }
        assertNoFileWritten();
    }

    @Test
    public void aKubeconfigNamesItsOwnServer() throws Exception {
        assertEquals("server", expectValidation(() -> open("stage-kubeconfig", null, "https://k8s.example.com")).parameter());
    }

    @Test
    public void aTokenHasNoContexts() throws Exception {
        assertEquals("kubeContext", expectValidation(() -> open("stage-token", "other", "https://k8s.example.com")).parameter());
    }

    @Test
    public void anUnknownIdIsNamedWithTheExpectedTypes() throws Exception {
        try {
            open("no-such-id", null, null);
            fail();
        } catch (AbortException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("kubeconfigCredentialsId: no credentials with id 'no-such-id'"));
            assertTrue(e.getMessage(), e.getMessage().contains("Secret file") && e.getMessage().contains("Secret text"));
        }
    }

    @Test
    public void credentialsOfAnotherTypeAreRefusedByName() throws Exception {
        try {
            open("registry-login", null, null);
            fail();
        } catch (AbortException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("'registry-login'"));
            assertTrue(e.getMessage(), e.getMessage().contains(KubeconfigCredentialKind.expected()));
        }
        assertNoFileWritten();
    }

    @Test
    public void anEmptyTokenIsRefused() throws Exception {
        try {
            open("empty-token", null, "https://k8s.example.com");
            fail();
        } catch (AbortException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("'empty-token' is empty"));
        }
    }

    @Test
    public void contextAndServerNeedCredentials() {
        assertEquals("kubeContext", expectValidation(() -> new ClusterAccess(null, "stage", null)).parameter());
        assertEquals("server", expectValidation(() -> new ClusterAccess("", null, "https://k8s.example.com")).parameter());
    }

    @Test
    public void aContextTheShellWouldInterpretIsRefused() {
        ValidationException e = expectValidation(() -> new ClusterAccess("stage-kubeconfig", "ctx$(id)", null));
        assertEquals("kubeContext", e.parameter());
    }

    @Test
    public void blankParametersMeanUnset() {
        ClusterAccess access = new ClusterAccess("  ", " ", "");
        assertNull(access.credentialsId());
        assertNull(access.kubeContext());
        assertNull(access.server());
    }

    private void assertNoFileWritten() throws Exception {
        try (var files = Files.list(Path.of(staging.path()))) {
            assertEquals(0, files.count());
        }
    }

    interface Action {
        Object run() throws Exception;
    }

    static ValidationException expectValidation(Action action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a ValidationException, got " + e, e);
        }
        throw new AssertionError("expected a ValidationException");
    }
}
