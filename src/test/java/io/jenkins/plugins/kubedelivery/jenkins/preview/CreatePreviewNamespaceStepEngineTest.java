package io.jenkins.plugins.kubedelivery.jenkins.preview;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.engine.preview.Ownership;
import io.jenkins.plugins.kubedelivery.jenkins.support.KubectlReplies;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestCredentials;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestLauncher;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * createPreviewNamespace end to end: step, adapter and the real engine, with kubectl replaced by
 * canned outputs in kubectl's formats, in a multibranch pull request build of the repository shop.
 */
public class CreatePreviewNamespaceStepEngineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PULL_SECRET = "{\"auths\":{\"registry.example.com\":{\"auth\":\"cHVsbDpzM2NyM3QtcHVsbA==\"}}}";
    private static final String PULL_SECRET_BASE64 = Base64.getEncoder().encodeToString(PULL_SECRET.getBytes(StandardCharsets.UTF_8));

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private StepFixture fixture;
    private final List<String> manifestsSeen = new CopyOnWriteArrayList<>();

    @Before
    public void setUp() throws Exception {
        fixture = StepFixture.canned(tmp.getRoot());
        fixture.environment.putAll(Map.of("CHANGE_ID", "42", "CHANGE_BRANCH", "feature/pay", "GIT_COMMIT", "0123abc",
                "GIT_URL", "https://github.com/acme/shop.git", "BUILD_URL", "https://ci.example.com/job/shop/job/PR-42/3/"));
        fixture.credentials.secretFile("preview-kubeconfig", TestCredentials.kubeconfig("https://k8s.preview.example.com", "preview"));
        fixture.launcher.onLaunch(this::recordManifest);
    }

    /** For {@code kubectl create|apply --filename F}: F's mode, whether it is in the workspace, and whether it holds the secret. */
    private void recordManifest(TestLauncher.Launch launch) {
        int flag = launch.cmds().indexOf("--filename");
        if (flag < 0) {
            return;
        }
        Path manifest = Path.of(launch.cmds().get(flag + 1));
        try {
            manifestsSeen.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(manifest))
                    + " inWorkspace=" + manifest.startsWith(fixture.workspace)
                    + " secret=" + Files.readString(manifest).contains(PULL_SECRET_BASE64));
        } catch (Exception e) {
            manifestsSeen.add("missing while kubectl apply ran: " + e);
        }
    }

    private static CreatePreviewNamespaceStep step() {
        CreatePreviewNamespaceStep step = new CreatePreviewNamespaceStep();
        step.setHostPattern("pr-{pr}.{repository}.preview.example.com");
        step.setKubeconfigCredentialsId("preview-kubeconfig");
        return step;
    }

    private TestStepContext run(CreatePreviewNamespaceStep step) throws Exception {
        TestStepContext context = fixture.context();
        assertFalse(step.start(context).start());
        assertTrue("the step completed", context.await(WAIT));
        return context;
    }

    @Test
    public void createsTheNamespaceAndReturnsTheResultMap() throws Exception {
        fixture.launcher.reply("kubectl", "create", KubectlReplies.created("pr-42-shop"))
                .reply("kubectl", "apply", KubectlReplies.applied("networkpolicy.networking.k8s.io/kube-delivery-default-deny"));
        Instant before = Instant.now();

        TestStepContext context = run(step());

        assertNull(String.valueOf(context.failure()), context.failure());
        Map<?, ?> result = (Map<?, ?>) context.result();
        assertEquals(List.of("namespace", "url", "expiresAt", "created", "labels", "copiedSecrets", "durationMillis"),
                List.copyOf(result.keySet()));
        assertEquals("pr-42-shop", result.get("namespace"));
        assertEquals("https://pr-42.shop.preview.example.com", result.get("url"));
        assertEquals(true, result.get("created"));
        Instant expiresAt = Instant.parse((String) result.get("expiresAt"));
        assertFalse(expiresAt.isBefore(before.plus(Duration.ofHours(72))));
        assertTrue(expiresAt.isBefore(Instant.now().plus(Duration.ofHours(72)).plusSeconds(1)));
        Map<?, ?> labels = (Map<?, ?>) result.get("labels");
        assertEquals("kube-delivery", labels.get(Ownership.MANAGED_BY));
        assertEquals("42", labels.get(Ownership.PR));
        assertEquals("shop", labels.get(Ownership.REPOSITORY));
        assertEquals(List.of(), result.get("copiedSecrets"));
        assertTrue(result.get("durationMillis") instanceof Long);
        assertEquals(List.of("create --filename", "apply --filename"), verbs());
        assertTrue(fixture.log(), fixture.log().contains("Created preview namespace pr-42-shop for PR 42 of shop, expires "));
        assertTrue(fixture.log(), fixture.log().contains("Preview URL: https://pr-42.shop.preview.example.com"));
        assertTrue(fixture.log(), fixture.log().contains("Preview namespace pr-42-shop ready in "));
        assertEquals(List.of("rw------- inWorkspace=false secret=false", "rw------- inWorkspace=false secret=false"), manifestsSeen);
        assertEquals("the manifest and kubeconfig are gone", List.of(), fixture.stagingDirectories());
    }

    @Test
    public void takesFromDeliveryYamlsPreviewWhatTheParametersLeaveUnset() throws Exception {
        Files.writeString(fixture.workspace.resolve("delivery.yaml"), """
                preview:
                  namePattern: preview-{repository}-{pr}
                  hostPattern: pr-{pr}.{repository}.preview.example.com
                  ttl: 7d
                  quota: {pods: "12"}
                """);
        List<String> applied = new CopyOnWriteArrayList<>();
        fixture.launcher.onLaunch(launch -> {
            int flag = launch.cmds().indexOf("--filename");
            if (launch.cmds().contains("apply") && flag >= 0) {
                try {
                    applied.add(Files.readString(Path.of(launch.cmds().get(flag + 1))));
                } catch (java.io.IOException e) {
                    applied.add(e.toString());
                }
            }
        });
        fixture.launcher.reply("kubectl", "create", KubectlReplies.created("preview-shop-42"))
                .reply("kubectl", "apply", KubectlReplies.applied("resourcequota/kube-delivery-preview"));
        CreatePreviewNamespaceStep step = new CreatePreviewNamespaceStep();
        step.setKubeconfigCredentialsId("preview-kubeconfig");
        step.setTtl("2h");
        Instant before = Instant.now();

        TestStepContext context = run(step);

        assertNull(String.valueOf(context.failure()), context.failure());
        Map<?, ?> result = (Map<?, ?>) context.result();
        assertEquals("preview-shop-42", result.get("namespace"));
        assertEquals("https://pr-42.shop.preview.example.com", result.get("url"));
        Instant expiresAt = Instant.parse((String) result.get("expiresAt"));
        assertTrue("the parameter's ttl wins", expiresAt.isBefore(before.plus(Duration.ofHours(3))));
        String manifest = applied.size() == 1 ? applied.get(0).replaceAll("\\s", "") : applied.toString();
        assertTrue(manifest, manifest.contains("\"kind\":\"ResourceQuota\"") && manifest.contains("\"hard\":{\"pods\":\"12\"}"));
        assertTrue(fixture.log(), fixture.log().contains("From delivery.yaml for PR 42 of shop: quota {pods=12}, "
                + "namePattern preview-{repository}-{pr}, hostPattern pr-{pr}.{repository}.preview.example.com\n"));
    }

    @Test
    public void aBrokenDeliveryYamlFailsTheStepNamingItsLineBeforeAnyCommand() throws Exception {
        Files.writeString(fixture.workspace.resolve("delivery.yaml"), "preview:\n  namespacePattern: pr-{pr}\n");

        TestStepContext context = run(step());

        assertTrue(String.valueOf(context.failure()), String.valueOf(context.failure().getMessage())
                .contains("delivery.yaml:2:3: preview.namespacePattern: unknown key; the keys here are [hostPattern, namePattern, quota, ttl]"));
        assertEquals(List.of(), verbs());
    }

    @Test
    public void copiesSecretsThroughAPrivateFileAndNeverShowsTheirValues() throws Exception {
        fixture.launcher.reply("kubectl", "secrets", KubectlReplies.list(KubectlReplies.secret("registry-pull", "preview-secrets",
                        Map.of(".dockerconfigjson", PULL_SECRET_BASE64))))
                .reply("kubectl", "create", KubectlReplies.created("pr-42-shop"))
                .reply("kubectl", "apply", KubectlReplies.applied("secret/registry-pull"));
        CreatePreviewNamespaceStep step = step();
        step.setCopySecrets(List.of("registry-pull"));
        step.setSecretsNamespace("preview-secrets");

        TestStepContext context = run(step);

        assertNull(String.valueOf(context.failure()), context.failure());
        Map<?, ?> result = (Map<?, ?>) context.result();
        assertEquals(List.of("registry-pull"), result.get("copiedSecrets"));
        assertEquals("the namespace, then its contents", List.of("rw------- inWorkspace=false secret=false",
                "rw------- inWorkspace=false secret=true"), manifestsSeen);
        assertEquals(List.of(), fixture.stagingDirectories());
        for (String secret : List.of(PULL_SECRET_BASE64, PULL_SECRET, "s3cr3t-pull")) {
            assertFalse("log", fixture.log().contains(secret));
            assertFalse("argv", fixture.launcher.allArguments().contains(secret));
            assertFalse("result", String.valueOf(result).contains(secret));
        }
    }

    @Test
    public void aLaterPushRenewsTheNamespace() throws Exception {
        fixture.launcher.reply("kubectl", "create", KubectlReplies.alreadyExists("pr-42-shop"))
                .reply("kubectl", "namespace", KubectlReplies.object(
                        KubectlReplies.ownedPreview("pr-42-shop", "42", "shop", "2026-11-23T08:00:00Z")))
                .reply("kubectl", "replace", KubectlReplies.created("pr-42-shop"))
                .reply("kubectl", "apply", KubectlReplies.applied("networkpolicy.networking.k8s.io/kube-delivery-default-deny"));

        TestStepContext context = run(step());

        assertNull(String.valueOf(context.failure()), context.failure());
        assertEquals(false, ((Map<?, ?>) context.result()).get("created"));
        assertTrue(fixture.log(), fixture.log().contains("Renewed preview namespace pr-42-shop for PR 42 of shop, expires "));
    }

    @Test
    public void aNamespaceThePluginDoesNotOwnIsNeverAdopted() throws Exception {
        fixture.launcher.reply("kubectl", "create", KubectlReplies.alreadyExists("pr-42-shop"))
                .reply("kubectl", "namespace", KubectlReplies.object(
                        KubectlReplies.namespace("pr-42-shop", Map.of("team", "payments"), Map.of())))
                .reply("kubectl", "apply", KubectlReplies.applied("namespace/pr-42-shop"));

        TestStepContext context = run(step());

        Throwable failure = context.failure();
        assertTrue(String.valueOf(failure), failure instanceof AbortException);
        assertTrue(failure.getMessage(), failure.getMessage().startsWith("createPreviewNamespace: namespace 'pr-42-shop' already"
                + " exists and is not a kube-delivery preview"));
        assertEquals("create, read, and nothing written", List.of("create --filename", "get namespace"), verbs());
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    /** Each kubectl command by its first two arguments. */
    private List<String> verbs() {
        return fixture.launcher.launches().stream().map(l -> String.join(" ", l.cmds().subList(1, 3))).toList();
    }
}
