package io.jenkins.plugins.kubedelivery.jenkins.preview;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.engine.preview.PreviewRequest;
import io.jenkins.plugins.kubedelivery.jenkins.support.Checkpoints;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import io.jenkins.plugins.kubedelivery.engine.monorepo.PreviewDefaults;
import io.jenkins.plugins.kubedelivery.engine.monorepo.SettingsChoice;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** createPreviewNamespace through its adapter, up to the engine call. */
public class CreatePreviewNamespaceStepTest {
    private static final PullRequestEnvironment PR_BUILD = new PullRequestEnvironment("42", "feature/pay", "0123abc",
            "https://ci.example.com/job/shop/job/PR-42/3/", "shop");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static PreviewRequest request(CreatePreviewNamespaceStep step, PullRequestEnvironment env) {
        return step.toRequest(env);
    }

    @Test
    public void inAPullRequestBuildEverythingComesFromTheEnvironmentOrTheDocumentedDefaults() {
        PreviewRequest request = request(new CreatePreviewNamespaceStep(), PR_BUILD);

        assertEquals("42", request.pr());
        assertEquals("shop", request.repository());
        assertEquals("feature/pay", request.branch());
        assertEquals("0123abc", request.commit());
        assertEquals("https://ci.example.com/job/shop/job/PR-42/3/", request.buildUrl());
        assertNull("unset: delivery.yaml's or the default", request.namePattern());
        assertNull(request.ttl());
        assertNull(request.ingressNamespace());
        assertEquals("pr-{pr}-{repository}", request.withDefaults().namePattern());
        assertNull("no host pattern, so no URL", request.hostPattern());
        assertEquals(Duration.ofHours(72), request.withDefaults().ttl());
        assertEquals(Map.of(), request.quota());
        assertEquals(Map.of(), request.limitDefaults());
        assertEquals(Map.of(), request.limitDefaultRequests());
        assertTrue(request.networkPolicy());
        assertEquals("ingress-nginx", request.withDefaults().ingressNamespace());
        assertEquals(List.of(), request.copySecrets());
        assertNull(request.secretsNamespace());
        assertEquals(Map.of(), request.extraLabels());
        assertEquals(Map.of(), request.extraAnnotations());
    }

    @Test
    public void theEnvironmentComesFromTheStepContext() throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.getRoot());
        fixture.environment.putAll(Map.of("CHANGE_ID", "7", "GIT_URL", "git@github.com:acme/shop.git"));

        TestStepContext before = fixture.context();
        TestStepContext after = fixture.context();

        Checkpoints.restart(new CreatePreviewNamespaceStep().start(before), before, after).onResume();

        assertTrue(after.await(Duration.ofSeconds(20)));
        assertTrue(fixture.log(), fixture.log().contains("createPreviewNamespace: the Jenkins controller restarted while this step"
                + " was running; running it again for PR 7 of shop"));
    }

    @Test
    public void givenParametersWinOverTheEnvironment() {
        CreatePreviewNamespaceStep step = new CreatePreviewNamespaceStep();
        step.setPr("41");
        step.setRepository("shop-legacy");
        step.setBranch("hotfix");
        step.setCommit("fedcba9");
        step.setBuildUrl("https://ci.example.com/other/1/");
        step.setNamePattern("preview-{repository}-{pr}");
        step.setHostPattern("pr-{pr}.{repository}.preview.example.com");
        step.setTtl("7d");
        step.setQuota(new LinkedHashMap<>(Map.of("limits.memory", "8Gi", "pods", 20)));
        step.setLimitDefaults(Map.of("memory", "512Mi"));
        step.setLimitDefaultRequests(Map.of("cpu", "100m"));
        step.setNetworkPolicy(false);
        step.setIngressNamespace("traefik");
        step.setCopySecrets(List.of("registry-pull", "payments-db"));
        step.setSecretsNamespace("preview-secrets");
        step.setLabels(Map.of("team", "checkout"));
        step.setAnnotations(Map.of("example.com/owner", "checkout@example.com"));

        PreviewRequest request = request(step, PR_BUILD);

        assertEquals("41", request.pr());
        assertEquals("shop-legacy", request.repository());
        assertEquals("hotfix", request.branch());
        assertEquals("fedcba9", request.commit());
        assertEquals("https://ci.example.com/other/1/", request.buildUrl());
        assertEquals("preview-{repository}-{pr}", request.namePattern());
        assertEquals("pr-{pr}.{repository}.preview.example.com", request.hostPattern());
        assertEquals(Duration.ofDays(7), request.ttl());
        assertEquals(Map.of("limits.memory", "8Gi", "pods", "20"), request.quota());
        assertEquals(Map.of("memory", "512Mi"), request.limitDefaults());
        assertEquals(Map.of("cpu", "100m"), request.limitDefaultRequests());
        assertEquals(false, request.networkPolicy());
        assertEquals("traefik", request.ingressNamespace());
        assertEquals(List.of("registry-pull", "payments-db"), request.copySecrets());
        assertEquals("preview-secrets", request.secretsNamespace());
        assertEquals(Map.of("team", "checkout"), request.extraLabels());
        assertEquals(Map.of("example.com/owner", "checkout@example.com"), request.extraAnnotations());
    }

    @Test
    public void ttlTakesTheDocumentedForms() {
        for (Map.Entry<String, Duration> form : Map.of("72h", Duration.ofHours(72), "7d", Duration.ofDays(7),
                "30m", Duration.ofMinutes(30), "1h30m", Duration.ofMinutes(90)).entrySet()) {
            CreatePreviewNamespaceStep step = new CreatePreviewNamespaceStep();
            step.setTtl(form.getKey());
            assertEquals(form.getKey(), form.getValue(), request(step, PR_BUILD).ttl());
        }
    }

    private static final PreviewDefaults FILE = new PreviewDefaults("preview-{repository}-{pr}", "pr-{pr}.shop.example.com", "7d",
            Map.of("pods", "12"));

    private static CreatePreviewNamespaceStep.Call call(CreatePreviewNamespaceStep step) {
        return new CreatePreviewNamespaceStep.Call(step.toRequest(PR_BUILD), step.getQuota() != null, null);
    }

    @Test
    public void deliveryYamlsPreviewFillsWhatTheStepLeftUnsetAndSaysSo() {
        SettingsChoice choice = new SettingsChoice();
        PreviewRequest request = call(new CreatePreviewNamespaceStep()).withPreview(FILE, choice).request();

        assertEquals("preview-{repository}-{pr}", request.namePattern());
        assertEquals("pr-{pr}.shop.example.com", request.hostPattern());
        assertEquals(Duration.ofDays(7), request.ttl());
        assertEquals(Map.of("pods", "12"), request.quota());
        assertEquals(List.of("ttl 7d", "quota {pods=12}", "namePattern preview-{repository}-{pr}", "hostPattern pr-{pr}.shop.example.com"),
                choice.fromCatalogue());
        assertEquals("what the file leaves out keeps the engine's default", "ingress-nginx", request.withDefaults().ingressNamespace());
    }

    @Test
    public void parametersGivenWinOverDeliveryYamlEvenWithTheDefaultsValueOrAnEmptyQuota() {
        CreatePreviewNamespaceStep step = new CreatePreviewNamespaceStep();
        step.setNamePattern("pr-{pr}-{repository}");
        step.setTtl("72h");
        step.setQuota(Map.of());
        SettingsChoice choice = new SettingsChoice();
        PreviewRequest request = call(step).withPreview(FILE, choice).request();

        assertEquals("pr-{pr}-{repository}", request.namePattern());
        assertEquals(Duration.ofHours(72), request.ttl());
        assertEquals("quota: [:] asks for none", Map.of(), request.quota());
        assertEquals(List.of("hostPattern pr-{pr}.shop.example.com"), choice.fromCatalogue());
    }

    @Test
    public void aBadTimeToLiveInDeliveryYamlIsRefusedNamingTheFilesKey() {
        ValidationException e = assertThrows(ValidationException.class, () -> call(new CreatePreviewNamespaceStep())
                .withPreview(new PreviewDefaults(null, null, "3 days", Map.of()), new SettingsChoice()));
        assertTrue(e.getMessage(), e.getMessage().startsWith("delivery.yaml preview.ttl"));
    }

    @Test
    public void blankFormFieldsAreUnset() {
        CreatePreviewNamespaceStep step = new CreatePreviewNamespaceStep();
        step.setNamePattern("");
        step.setTtl(" ");
        step.setIngressNamespace("");
        step.setPr("");

        assertNull(step.getNamePattern());
        assertNull(step.getTtl());
        assertNull(step.getIngressNamespace());
        assertNull(step.getPr());
    }

    @Test
    public void badParametersAreRefusedAtStartNamingTheParameter() throws Exception {
        assertRefusedAtStart("ttl", step -> step.setTtl("3 days"));
        assertRefusedAtStart("quota", step -> step.setQuota(Map.of("pods", List.of(20))));
        assertRefusedAtStart("copySecrets[1]", step -> step.setCopySecrets(java.util.Arrays.asList("registry-pull", null)));
        assertRefusedAtStart("kubeContext", step -> step.setKubeContext("preview"));
    }

    private void assertRefusedAtStart(String parameter, Consumer<CreatePreviewNamespaceStep> setUp) throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.newFolder());
        CreatePreviewNamespaceStep step = new CreatePreviewNamespaceStep();
        setUp.accept(step);
        try {
            step.start(fixture.context());
            fail("accepted a bad " + parameter);
        } catch (AbortException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("createPreviewNamespace: " + parameter + ": "));
        }
        assertEquals(0, fixture.launcher.launches().size());
    }

    @Test
    public void outsideAPullRequestBuildAMissingPrIsRefusedBeforeAnyCommandWithTheFix() throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.getRoot());
        fixture.environment.putAll(Map.of("JOB_NAME", "shop/main", "BRANCH_NAME", "main"));
        TestStepContext context = fixture.context();

        new CreatePreviewNamespaceStep().start(context).start();

        assertTrue(context.await(Duration.ofSeconds(20)));
        String message = context.failure().getMessage();
        assertTrue(String.valueOf(context.failure()), context.failure() instanceof AbortException);
        assertTrue(message, message.startsWith("createPreviewNamespace: pr: is required"));
        assertTrue(message, message.contains("pr: '123'"));
        assertEquals(0, fixture.launcher.launches().size());
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    @Test
    public void theDescriptorNamesTheStep() {
        CreatePreviewNamespaceStep.DescriptorImpl descriptor = new CreatePreviewNamespaceStep.DescriptorImpl();

        assertEquals("createPreviewNamespace", descriptor.getFunctionName());
        assertEquals(CreatePreviewNamespaceStep.class, descriptor.clazz);
        assertEquals("createPreviewNamespace", descriptor.getClass().getAnnotation(org.jenkinsci.Symbol.class).value()[0]);
    }
}
