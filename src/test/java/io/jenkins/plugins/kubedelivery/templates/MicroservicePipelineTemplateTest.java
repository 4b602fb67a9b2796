package io.jenkins.plugins.kubedelivery.templates;

import static io.jenkins.plugins.kubedelivery.templates.PipelineTemplate.failingAt;
import static io.jenkins.plugins.kubedelivery.templates.PipelineTemplate.named;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * vars/microservicePipeline.groovy: a service's whole Jenkinsfile, run with the steps stubbed. Each
 * test asserts the exact steps called, in order, and their arguments.
 */
public class MicroservicePipelineTemplateTest {
    private static final Map<String, String> PULL_REQUEST = Map.of("CHANGE_ID", "42", "BRANCH_NAME", "PR-42", "CHANGE_TARGET", "main");
    private static final Map<String, String> MAIN = Map.of("BRANCH_NAME", "main");
    private static final Map<String, String> TAG = Map.of("TAG_NAME", "1.5.0", "BRANCH_NAME", "1.5.0");
    private static final List<String> CHECKOUT_BUILD_TEST = List.of("podTemplate", "node(" + PipelineTemplate.POD_LABEL + ")",
            "stage(Checkout)", "checkout(scm)", "stage(Build)", "build", "stage(Test)", "test");
    private static final Map<String, Object> PROMOTED = Map.of("state", "promoted", "weight", 100, "promoted", true, "aborted", false,
            "paused", false, "durationMillis", 61_000);

    /** What a tag build needs at least: canaryShift's router (a string here, as the stubbed steps take it). */
    private static final Map<String, Object> ROUTED = Map.of("router", "nginx(payments)");

    private static PipelineTemplate template(Map<String, String> env) throws Exception {
        return new PipelineTemplate("microservicePipeline", env)
                .stub("checkout", args -> Map.of("GIT_COMMIT", "c0ffee1", "GIT_BRANCH", "origin/main"))
                .stub("createPreviewNamespace", args -> Map.of("namespace", "pr-42-shop", "url", "https://pr-42.shop.preview.example.com",
                        "created", true))
                .stub("deployService", args -> Map.of("revision", 3, "previousRevision", 2,
                        "namespace", args.getOrDefault("namespace", args.get("environment")), "durationMillis", 4200))
                .stub("canaryShift", args -> PROMOTED);
    }


    private static Map<String, Object> withClosures(PipelineTemplate t, Object... keyValues) {
        Map<String, Object> config = named(keyValues);
        config.put("build", t.closure("build"));
        config.put("test", t.closure("test"));
        return config;
    }

    private static List<String> then(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all;
    }

    @Test
    public void aPullRequestIsBuiltTestedAndDeployedIntoItsPreviewWhoseUrlIsOnTheBuildPage() throws Exception {
        PipelineTemplate t = template(PULL_REQUEST);
        Object result = t.call(withClosures(t, "service", "payments", "kubeconfigCredentialsId", "shop-kubeconfig",
                "preview", Map.of("hostPattern", "pr-{pr}.{repository}.preview.example.com")));

        assertEquals(then(CHECKOUT_BUILD_TEST, "stage(Preview)", "container(helm)", "createPreviewNamespace", "deployService",
                "echo(microservicePipeline: payments preview: https://pr-42.shop.preview.example.com (namespace pr-42-shop, revision 3))"),
                t.timeline());
        assertEquals(Map.of("service", "payments", "imageTag", "c0ffee1", "trigger", "pull request",
                "scmVars", Map.of("GIT_COMMIT", "c0ffee1", "GIT_BRANCH", "origin/main")), t.arguments("build", 0));
        assertEquals(Map.of("kubeconfigCredentialsId", "shop-kubeconfig", "commit", "c0ffee1",
                "hostPattern", "pr-{pr}.{repository}.preview.example.com"), t.arguments("createPreviewNamespace", 0));
        assertEquals(Map.of("kubeconfigCredentialsId", "shop-kubeconfig", "service", "payments", "environment", "preview",
                "namespace", "pr-42-shop", "imageTag", "c0ffee1"), t.arguments("deployService", 0));
        assertEquals("Preview: https://pr-42.shop.preview.example.com", String.valueOf(t.currentBuild().get("description")));
        assertEquals(3, ((Map<?, ?>) result).get("revision"));
    }

    @Test
    public void theDescriptionLinksThePreviewWhenTheMarkupFormatterTakesHtml() throws Exception {
        PipelineTemplate t = template(PULL_REQUEST);
        t.call(named("service", "payments", "htmlDescription", true));
        assertEquals("Preview: <a href=\"https://pr-42.shop.preview.example.com\">https://pr-42.shop.preview.example.com</a>",
                String.valueOf(t.currentBuild().get("description")));
    }

    @Test
    public void aPreviewWithoutHostIsNamedByItsNamespace() throws Exception {
        PipelineTemplate t = template(PULL_REQUEST).stub("createPreviewNamespace", args -> Map.of("namespace", "pr-42-shop"));
        t.call(named("service", "payments"));
        assertEquals("Preview namespace: pr-42-shop", String.valueOf(t.currentBuild().get("description")));
        assertTrue(t.echoed().toString(), t.echoed().get(t.echoed().size() - 1).contains("give preview: [hostPattern: ...] for a URL"));
    }

    @Test
    public void theMainBranchGoesToStageWithTheCommitCheckoutReturned() throws Exception {
        // env.GIT_COMMIT of another commit must not be used: only what checkout returned was built.
        PipelineTemplate t = template(Map.of("BRANCH_NAME", "main", "GIT_COMMIT", "0ld0ld0"));
        t.call(withClosures(t, "service", "search", "kubeconfigCredentialsId", "stage-kubeconfig"));
        assertEquals(then(CHECKOUT_BUILD_TEST, "stage(Stage)", "container(helm)", "deployService"), t.timeline());
        assertEquals(Map.of("kubeconfigCredentialsId", "stage-kubeconfig", "service", "search", "environment", "stage",
                "imageTag", "c0ffee1"), t.arguments("deployService", 0));
    }

    @Test
    public void theStageEnvironmentAndMainBranchCanBeRenamed() throws Exception {
        PipelineTemplate t = template(Map.of("BRANCH_NAME", "trunk"));
        t.call(named("service", "search", "mainBranch", "trunk", "stageEnvironment", "staging"));
        assertEquals("staging", t.arguments("deployService", 0).get("environment"));
    }

    @Test
    public void theDefaultPodHasThePinnedToolsContainerRunningAsTheAgentsUid() throws Exception {
        PipelineTemplate t = template(MAIN);
        t.call(named("service", "search"));
        assertEquals(Map.of("containers", List.of(Map.of("name", "helm", "image", "alpine/k8s:1.31.9", "command", "sleep",
                "args", "infinity", "runAsUser", "1000", "resourceRequestCpu", "100m", "resourceRequestMemory", "256Mi",
                "resourceLimitMemory", "512Mi"))), t.arguments("podTemplate", 0));
        assertTrue(t.echoed().toString(), t.echoed().get(0).contains("no build closure given; pass build: { b -> ... }"));
    }

    @Test
    public void imageResourcesUidAndBuildContainersAreOverridable() throws Exception {
        PipelineTemplate t = template(MAIN);
        Map<String, Object> maven = Map.of("name", "maven", "image", "maven:3.9-eclipse-temurin-17");
        t.call(named("service", "search", "toolsImage", "registry.example.com/tools/helm-kubectl:3.17.3",
                "toolsResources", Map.of("limitCpu", "1", "limitMemory", "1Gi"), "runAsUser", 1001, "containers", List.of(maven)));
        assertEquals(Map.of("containers", List.of(Map.of("name", "helm", "image", "registry.example.com/tools/helm-kubectl:3.17.3",
                "command", "sleep", "args", "infinity", "runAsUser", "1001", "resourceRequestCpu", "100m",
                "resourceRequestMemory", "256Mi", "resourceLimitMemory", "1Gi", "resourceLimitCpu", "1"), maven)),
                t.arguments("podTemplate", 0));
    }

    @Test
    public void aTagWithDeliveryYamlLeavesTheRouterAndTheCanaryToTheFile() throws Exception {
        PipelineTemplate t = template(TAG).stub("fileExists", args -> "delivery.yaml".equals(args.get("value")));
        Object result = t.call(withClosures(t, "service", "payments"));
        assertEquals(then(CHECKOUT_BUILD_TEST.subList(0, 4), "fileExists(delivery.yaml)", "stage(Build)", "build", "stage(Test)", "test",
                "stage(Approval)", "timeout", "input", "stage(Production)", "container(helm)", "canaryShift"), t.timeline());
        assertEquals("canaryShift reads router, steps, analysis, namespace and credentials from delivery.yaml",
                Map.of("service", "payments", "environment", "prod", "imageTag", "1.5.0"), t.arguments("canaryShift", 0));
        assertSame(PROMOTED, result);
    }

    @Test
    public void aTagIsApprovedThenShiftedToProductionThroughTheCanary() throws Exception {
        PipelineTemplate t = template(TAG);
        Object result = t.call(withClosures(t, "service", "payments", "kubeconfigCredentialsId", "prod-kubeconfig",
                "approvers", "release-managers", "inputTimeoutMinutes", 120, "canary", Map.of("router", "nginx(payments)", "steps", List.of(10, 50, 100), "pause", "5m")));
        assertEquals(then(CHECKOUT_BUILD_TEST, "stage(Approval)", "timeout", "input", "stage(Production)", "container(helm)", "canaryShift"),
                t.timeline());
        assertEquals("the tag, not the commit, is the image", "1.5.0", t.arguments("build", 0).get("imageTag"));
        assertEquals(Map.of("message", "Release payments 1.5.0 to prod through a canary?", "ok", "Release",
                "submitter", "release-managers"), t.arguments("input", 0));
        assertEquals(Map.of("time", 120, "unit", "MINUTES"), t.arguments("timeout", 0));
        assertEquals(Map.of("kubeconfigCredentialsId", "prod-kubeconfig", "service", "payments", "environment", "prod",
                "router", "nginx(payments)", "steps", List.of(10, 50, 100), "pause", "5m", "imageTag", "1.5.0"), t.arguments("canaryShift", 0));
        assertSame(PROMOTED, result);
        assertEquals("payments 1.5.0 in prod", String.valueOf(t.currentBuild().get("description")));
    }

    @Test
    public void aTagBuildWithoutCanaryRouterIsRefusedBeforeAnythingIsBuiltOrAsked() throws Exception {
        for (Object canary : java.util.Arrays.asList(null, Map.of("steps", List.of(10, 100)))) {
            PipelineTemplate t = template(TAG);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> t.call(withClosures(t, "service", "payments", "canary", canary)));
            assertEquals("microservicePipeline: this tag build (1.5.0) releases through canaryShift, which needs a router to know how "
                    + "traffic reaches the canary: give canary.router, e.g. microservicePipeline(service: 'payments', canary: [router: "
                    + "nginx(ingress: 'payments')]), or router: in the canary section of a delivery.yaml at the repository root, e.g."
                    + " canary: {router: {nginx: {ingress: '{service}'}}}", e.getMessage());
            assertEquals("no build or approval: only the checkout, where delivery.yaml would be",
                    List.of("podTemplate", "node(kube-delivery-pod)", "stage(Checkout)", "checkout(scm)", "fileExists(delivery.yaml)"),
                    t.timeline());
        }
        PipelineTemplate main = template(MAIN);
        main.call(named("service", "payments"));
        assertTrue("only a tag build needs the router", main.stepNames().contains("deployService"));
    }

    @Test
    public void aManualCanaryPauseIsAnInputThenTheCanaryContinues() throws Exception {
        PipelineTemplate t = template(TAG)
                .stub("canaryShift", args -> Map.of("state", "paused", "paused", true, "weight", 25, "reason", "manual pause"))
                .stub("canaryPromote", args -> PROMOTED);
        Object result = t.call(named("service", "payments", "productionEnvironment", "production",
                "canary", Map.of("router", "nginx(payments)", "pause", "manual")));
        assertEquals(List.of("podTemplate", "node(kube-delivery-pod)", "stage(Checkout)", "checkout(scm)", "stage(Build)", "echo",
                "stage(Test)", "echo", "stage(Approval)", "timeout", "input", "stage(Production)", "container(helm)", "canaryShift", "timeout",
                "input", "canaryPromote"), withoutEchoText(t));
        assertEquals("an unanswered pause holds the pod a day at most", Map.of("time", 1440, "unit", "MINUTES"), t.arguments("timeout", 1));
        assertEquals(Map.of("message", "payments: the canary holds 25% of production's traffic (manual pause). Continue the release?",
                "ok", "Continue"), t.arguments("input", 1));
        assertEquals("found as canaryShift placed it; carried on to its next steps (no full), with the canary's own image",
                Map.of("service", "payments", "environment", "production", "router", "nginx(payments)"),
                t.arguments("canaryPromote", 0));
        assertSame(PROMOTED, result);
    }

    private static List<String> withoutEchoText(PipelineTemplate t) {
        return t.timeline().stream().map(s -> s.startsWith("echo(") ? "echo" : s).toList();
    }

    @Test
    public void everyPauseOfTheCanaryIsAskedInTurn() throws Exception {
        List<Map<String, Object>> answers = new ArrayList<>(List.of(
                Map.of("paused", true, "weight", 50, "reason", "inconclusive: 12 requests < minRequests 50"), PROMOTED));
        PipelineTemplate t = template(TAG)
                .stub("canaryShift", args -> Map.of("paused", true, "weight", 10))
                .stub("canaryPromote", args -> answers.remove(0));
        t.call(named("service", "payments", "canary", ROUTED));
        assertEquals(List.of("canaryShift", "timeout", "input", "canaryPromote", "timeout", "input", "canaryPromote"),
                t.stepNames().subList(t.stepNames().indexOf("canaryShift"), t.stepNames().size()));
        assertEquals("payments: the canary holds 10% of prod's traffic. Continue the release?", t.arguments("input", 1).get("message"));
        assertTrue(String.valueOf(t.arguments("input", 2).get("message")).contains("50% of prod's traffic (inconclusive: 12 requests"));
    }

    @Test
    public void aRejectedPauseAbortsTheCanaryAndTheBuild() throws Exception {
        InterruptedException rejected = new InterruptedException("rejected by release-managers");
        PipelineTemplate t = template(TAG)
                .stub("canaryShift", args -> Map.of("paused", true, "weight", 25, "reason", "manual pause"))
                .stub("input", failingAt(1, rejected))
                .stub("canaryAbort", args -> Map.of("aborted", true));
        InterruptedException thrown = assertThrows(InterruptedException.class,
                () -> t.call(named("service", "payments", "kubeconfigCredentialsId", "prod-kubeconfig", "canary", ROUTED)));
        assertSame(rejected, thrown);
        assertEquals(List.of("canaryShift", "timeout", "input", "echo", "canaryAbort"),
                t.stepNames().subList(t.stepNames().indexOf("canaryShift"), t.stepNames().size()));
        assertEquals(Map.of("kubeconfigCredentialsId", "prod-kubeconfig", "service", "payments", "environment", "prod",
                "router", "nginx(payments)"), t.arguments("canaryAbort", 0));
        assertTrue(t.echoed().toString(), t.echoed().get(t.echoed().size() - 1).contains(
                "payments: the canary paused at 25% is aborted because the pause was rejected or timed out, or the build aborted"));
        assertFalse(t.stepNames().contains("canaryPromote"));
    }

    @Test
    public void aCanaryAbortThatFailsSaysHowToFinishItAndTheBuildStillFailsWithTheAbort() throws Exception {
        InterruptedException aborted = new InterruptedException("aborted by admin");
        PipelineTemplate t = template(TAG)
                .stub("canaryShift", args -> Map.of("paused", true, "weight", 50))
                .stub("input", failingAt(1, aborted))
                .stub("canaryAbort", args -> {
                    throw new IllegalStateException("canaryAbort: the API server is unreachable");
                });
        assertSame(aborted, assertThrows(InterruptedException.class, () -> t.call(named("service", "payments", "canary", ROUTED))));
        assertTrue(t.echoed().toString(), t.echoed().get(t.echoed().size() - 1).contains("canaryAbort failed (canaryAbort: the API "
                + "server is unreachable); the canary still takes traffic: run canaryAbort(service: 'payments', environment: 'prod', router: <canaryShift's router>)"));
    }

    @Test
    public void aRejectedApprovalReleasesNothing() throws Exception {
        InterruptedException rejected = new InterruptedException("rejected");
        PipelineTemplate t = template(TAG).stub("input", args -> {
            throw rejected;
        });
        assertSame(rejected, assertThrows(InterruptedException.class, () -> t.call(named("service", "payments", "canary", ROUTED))));
        assertEquals("stage(Approval)", t.timeline().get(t.timeline().size() - 3));
        assertEquals("input", t.timeline().get(t.timeline().size() - 1));
    }

    @Test
    public void aCanaryThatFailsItsAnalysisIsTheStepsToAbortAndFailsTheBuild() throws Exception {
        // canaryShift returned weight 0 and removed the canary itself before failing; the template adds nothing.
        PipelineTemplate t = template(TAG).stub("canaryShift", args -> {
            throw new IllegalStateException("canaryShift: error-rate 0.042 > max 0.01 in 2 of 3 measurements at weight 25");
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.call(named("service", "payments", "canary", ROUTED)));
        assertTrue(e.getMessage(), e.getMessage().contains("error-rate 0.042"));
        assertEquals("canaryShift", t.stepNames().get(t.stepNames().size() - 1));
    }

    @Test
    public void aCanaryResultThatSaysAbortedFailsTheBuild() throws Exception {
        PipelineTemplate t = template(TAG).stub("canaryShift", args -> Map.of("aborted", true, "reason", "latency p99 812 ms > 500"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.call(named("service", "payments", "canary", ROUTED)));
        assertEquals("microservicePipeline: payments: the canary was aborted: latency p99 812 ms > 500", e.getMessage());
    }

    @Test
    public void anAbortDuringTheDeployEndsTheBuildAtOnce() throws Exception {
        InterruptedException aborted = new InterruptedException("aborted");
        PipelineTemplate t = template(MAIN).stub("deployService", args -> {
            throw aborted;
        });
        assertSame(aborted, assertThrows(InterruptedException.class, () -> t.call(named("service", "search"))));
        assertEquals("deployService", t.stepNames().get(t.stepNames().size() - 1));
        assertNull(t.currentBuild().get("description"));
    }

    @Test
    public void aFailedTestDeploysNothing() throws Exception {
        PipelineTemplate t = template(PULL_REQUEST);
        Map<String, Object> config = named("service", "payments", "build", t.closure("build"));
        config.put("test", new groovy.lang.Closure<Object>(null) {
            @Override
            public Object call(Object... args) {
                throw new IllegalStateException("3 tests failed");
            }
        });
        assertEquals("3 tests failed", assertThrows(IllegalStateException.class, () -> t.call(config)).getMessage());
        assertFalse(t.stepNames().contains("createPreviewNamespace"));
        assertFalse(t.stepNames().contains("deployService"));
    }

    @Test
    public void otherBranchesAreBuiltAndTestedOnly() throws Exception {
        PipelineTemplate t = template(Map.of("BRANCH_NAME", "feature/x"));
        assertNull(t.call(withClosures(t, "service", "payments")));
        assertEquals(then(CHECKOUT_BUILD_TEST,
                "echo(microservicePipeline: feature/x is not a pull request, main or a tag; built and tested, nothing to deliver)"),
                t.timeline());
        assertNull(t.arguments("build", 0).get("imageTag"));
    }

    @Test
    public void withNoCommitFromCheckoutNothingIsBuiltOrDeployedEvenWhenEnvHasOne() throws Exception {
        PipelineTemplate t = template(Map.of("BRANCH_NAME", "main", "GIT_COMMIT", "0ld0ld0"))
                .stub("checkout", args -> Map.of("SVN_REVISION", "12"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.call(named("service", "search")));
        assertEquals("microservicePipeline: no image tag for this build: checkout scm returned no GIT_COMMIT (is the SCM git?); "
                + "pass imageTag, e.g. microservicePipeline(service: \"payments\", imageTag: \"1.4.2\")", e.getMessage());
        assertEquals(List.of("podTemplate", "node(kube-delivery-pod)", "stage(Checkout)", "checkout(scm)"), t.timeline());
    }

    @Test
    public void theGivenImageTagWinsOverTheCommit() throws Exception {
        PipelineTemplate t = template(MAIN).stub("checkout", args -> Map.of());
        t.call(named("service", "search", "imageTag", "2026.12.1"));
        assertEquals("2026.12.1", t.arguments("deployService", 0).get("imageTag"));
    }

    @Test
    public void parameterErrorsNameTheParameterBeforeAnyStep() throws Exception {
        assertRefused(named(), "microservicePipeline: service is required, e.g. microservicePipeline(service: \"payments\")");
        assertRefused(named("service", "Payments_v2"), "microservicePipeline: service 'Payments_v2' is not a DNS label");
        assertRefused(named("service", "payments", "servce", "x"), "microservicePipeline: unknown parameter 'servce' (did you mean 'service'?)");
        assertRefused(named("service", "payments", "build", "mvn package"), "microservicePipeline: build must be a closure { ... }, "
                + "not String 'mvn package'");
        assertRefused(named("service", "payments", "runAsUser", -1), "microservicePipeline: runAsUser must be a user id");
        assertRefused(named("service", "payments", "canary", List.of(10, 50)), "microservicePipeline: canary must be a map");
        assertRefused(named("service", "payments", "inputTimeoutMinutes", 0), "microservicePipeline: inputTimeoutMinutes must be a whole "
                + "number of minutes from 1 to 43200 (30 days), not Integer '0'");
        assertRefused(named("service", "payments", "toolsResources", Map.of("cpu", "1")),
                "microservicePipeline: toolsResources: 'cpu: 1' is not a resource: give quantities as strings under "
                        + "[requestCpu, requestMemory, limitCpu, limitMemory]");
        assertRefused(named("service", "payments", "toolsResources", Map.of("limitMemory", 512)),
                "microservicePipeline: toolsResources: 'limitMemory: 512' is not a resource");
    }

    private static void assertRefused(Map<String, Object> config, String message) throws Exception {
        PipelineTemplate t = template(MAIN);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.call(config));
        assertTrue(e.getMessage(), e.getMessage().startsWith(message));
        assertEquals(List.of(), t.stepNames());
    }
}
