package io.jenkins.plugins.kubedelivery.templates;

import static io.jenkins.plugins.kubedelivery.templates.PipelineTemplate.failingAt;
import static io.jenkins.plugins.kubedelivery.templates.PipelineTemplate.named;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/**
 * vars/monorepoPipeline.groovy: the root Jenkinsfile, run with the steps stubbed. Parallel branches
 * run on threads of their own (see {@link PipelineTemplate}), so the bound on deliveries at once is
 * measured, not assumed.
 */
public class MonorepoPipelineTemplateTest {
    private static final Map<String, String> MAIN = Map.of("BRANCH_NAME", "main");
    private static final Map<String, Map<String, Object>> DEPLOYED = Map.of(
            "payments", deployed(7, 6, 4200),
            "search", deployed(3, null, 1500),
            "ledger", deployed(2, 1, 12345));

    private static Map<String, Object> deployed(int revision, Integer previous, long millis) {
        Map<String, Object> result = new HashMap<>();
        result.put("revision", revision);
        result.put("previousRevision", previous);
        result.put("durationMillis", millis);
        return result;
    }

    private static Map<String, Object> changes(List<String> services) {
        return Map.of("services", services, "all", false, "baseCommit", "9f8e7d6", "why", "the last successful build's commit 9f8e7d6",
                "changedFiles", 4, "durationMillis", 31);
    }

    /** payments first; search and web after it (web through search); ledger on its own. */
    private static final Map<String, List<String>> DEPENDENCIES = Map.of("payments", List.of(), "search", List.of("payments"),
            "web", List.of("search"), "ledger", List.of());

    private static PipelineTemplate template(Map<String, String> env, List<String> changed) throws Exception {
        return new PipelineTemplate("monorepoPipeline", env)
                .stub("checkout", args -> Map.of("GIT_COMMIT", "c0ffee1"))
                .stub("changedServices", args -> changes(changed))
                .stub("createPreviewNamespace", args -> Map.of("namespace", "pr-42-shop", "url", "https://pr-42.shop.preview.example.com"))
                .stub("deployService", args -> {
                    Map<String, Object> result = new HashMap<>(DEPLOYED.getOrDefault(args.get("service"), deployed(1, null, 100)));
                    result.put("namespace", args.getOrDefault("namespace", "shop-" + args.get("environment")));
                    return result;
                });
    }


    @Test
    public void aMergeDeploysEveryChangedServiceToStageAndPrintsOneTable() throws Exception {
        PipelineTemplate t = template(MAIN, List.of("payments", "search", "ledger"));
        Object results = t.call(named("kubeconfigCredentialsId", "stage-kubeconfig"));

        assertEquals(List.of("podTemplate", "node(kube-delivery-pod)", "stage(Checkout)", "checkout(scm)", "stage(Changes)",
                "changedServices"), t.timeline().subList(0, 6));
        assertEquals(Map.of(), t.arguments("changedServices", 0));
        assertEquals("3 services, 4 at a time: three branches", Map.of("branches", List.of("lane 1", "lane 2", "lane 3")),
                t.arguments("parallel", 0));
        for (String service : List.of("payments", "search", "ledger")) {
            assertTrue(service + " deployed to stage with the commit", t.calls().contains(Map.entry("deployService", Map.of(
                    "kubeconfigCredentialsId", "stage-kubeconfig", "service", service, "environment", "stage", "imageTag", "c0ffee1"))));
        }
        assertEquals(3, t.stepNames().stream().filter("deployService"::equals).count());
        assertEquals("monorepoPipeline: main branch, image c0ffee1 to stage, 4 at a time: 3 deployed\n"
                + "service  | outcome  | where      | revision | was | took\n"
                + "payments | deployed | shop-stage | 7        | 6   | 4.2 s\n"
                + "search   | deployed | shop-stage | 3        | new | 1.5 s\n"
                + "ledger   | deployed | shop-stage | 2        | 1   | 12.3 s", t.echoed().get(t.echoed().size() - 1));
        assertEquals("monorepoPipeline: 3 service(s) to deliver: [payments, search, ledger]; compared with 9f8e7d6, "
                + "the last successful build's commit 9f8e7d6", t.echoed().get(0));
        assertEquals(List.of("payments", "search", "ledger"), new ArrayList<>(((Map<?, ?>) results).keySet()));
        assertEquals(7, ((Map<?, ?>) ((Map<?, ?>) results).get("payments")).get("revision"));
    }

    @Test
    public void atMostParallelismServicesAreDeliveredAtOnce() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> services = List.of("a", "b", "c", "d", "e");
        PipelineTemplate t = template(MAIN, services).stub("deployService", args -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(150);
            inFlight.decrementAndGet();
            return Map.of("revision", 1, "namespace", "shop-stage", "durationMillis", 150);
        });
        t.call(named("parallelism", 2));
        assertEquals(Map.of("branches", List.of("lane 1", "lane 2")), t.arguments("parallel", 0));
        assertEquals("two deploys overlapped, never three", 2, most.get());
        assertEquals(services.size(), t.stepNames().stream().filter("deployService"::equals).count());
        assertEquals(services, t.calls().stream().filter(c -> c.getKey().equals("deployService")).map(c -> c.getValue().get("service"))
                .sorted().toList());
        assertTrue(t.echoed().get(t.echoed().size() - 1).startsWith("monorepoPipeline: main branch, image c0ffee1 to stage, 2 at a time: 5 deployed"));
    }

    @Test
    public void aPullRequestGetsOnePreviewForEveryChangedService() throws Exception {
        PipelineTemplate t = template(Map.of("CHANGE_ID", "42", "BRANCH_NAME", "PR-42", "CHANGE_TARGET", "main"),
                List.of("payments", "search"));
        t.call(named("preview", Map.of("ttl", "24h"), "parallelism", 1, "build", t.closure("build")));
        assertEquals(List.of("podTemplate", "node(kube-delivery-pod)", "stage(Checkout)", "checkout(scm)", "stage(Changes)",
                "changedServices", "echo", "stage(Preview)", "container(helm)", "createPreviewNamespace", "stage(Deliver)", "parallel",
                "stage(payments)", "build", "container(helm)", "deployService", "stage(search)", "build", "container(helm)", "deployService",
                "echo"), t.timeline().stream().map(s -> s.startsWith("echo(") ? "echo" : s).toList());
        assertEquals(Map.of("commit", "c0ffee1", "ttl", "24h"), t.arguments("createPreviewNamespace", 0));
        assertEquals(Map.of("service", "search", "environment", "preview", "namespace", "pr-42-shop", "imageTag", "c0ffee1"),
                t.arguments("deployService", 1));
        assertEquals(Map.of("service", "payments", "imageTag", "c0ffee1", "trigger", "pull request"), t.arguments("build", 0));
        assertTrue(t.echoed().get(t.echoed().size() - 1).startsWith("monorepoPipeline: pull request, image c0ffee1 to pr-42-shop "
                + "(https://pr-42.shop.preview.example.com), 1 at a time: 2 deployed"));
    }

    @Test
    public void aTagIsApprovedOnceThenEveryServiceGoesThroughItsCanaryWithItsPausesAsked() throws Exception {
        PipelineTemplate t = template(Map.of("TAG_NAME", "2.0.0", "BRANCH_NAME", "2.0.0"), List.of("payments", "ledger"))
                .stub("canaryShift", args -> args.get("service").equals("payments")
                        ? Map.of("paused", true, "weight", 25, "reason", "manual pause")
                        : Map.of("promoted", true, "namespace", "shop-prod", "revision", 9, "previousRevision", 8, "durationMillis", 600_000))
                .stub("canaryPromote", args -> Map.of("promoted", true, "namespace", "shop-prod", "revision", 12, "previousRevision", 11,
                        "durationMillis", 900_000));
        t.call(named("parallelism", 1, "kubeconfigCredentialsId", "prod-kubeconfig", "canary", Map.of("router", PipelineTemplate.answering(service -> "nginx(" + service + ")"), "steps", List.of(25, 100)),
                "approvers", "release-managers"));
        assertEquals(Map.of("message", "Release payments, ledger 2.0.0 to prod through canaries?", "ok", "Release",
                "submitter", "release-managers"), t.arguments("input", 0));
        assertEquals(List.of("timeout", "input", "stage(Deliver)", "parallel", "stage(payments)", "container(helm)", "canaryShift",
                "timeout", "input", "canaryPromote", "stage(ledger)", "container(helm)", "canaryShift", "echo"),
                t.timeline().subList(t.timeline().indexOf("stage(Approval)") + 1, t.timeline().size()).stream()
                        .map(s -> s.startsWith("echo(") ? "echo" : s).toList());
        assertEquals(Map.of("kubeconfigCredentialsId", "prod-kubeconfig", "service", "ledger", "environment", "prod",
                "router", "nginx(ledger)", "steps", List.of(25, 100), "imageTag", "2.0.0"), t.arguments("canaryShift", 1));
        assertEquals("each service its own router, from the closure", "nginx(payments)", t.arguments("canaryShift", 0).get("router"));
        assertEquals("the paused canary carried on to its next steps: no image tag, no full",
                List.of(), t.arguments("canaryPromote", 0).keySet().stream().filter(k -> k.equals("imageTag") || k.equals("full")).toList());
        assertEquals("and the pause is promoted through the same", "nginx(payments)", t.arguments("canaryPromote", 0).get("router"));
        assertEquals("monorepoPipeline: tag, image 2.0.0 to prod, 1 at a time: 2 promoted\n"
                + "service  | outcome  | where     | revision | was | took\n"
                + "payments | promoted | shop-prod | 12       | 11  | 900.0 s\n"
                + "ledger   | promoted | shop-prod | 9        | 8   | 600.0 s", t.echoed().get(t.echoed().size() - 1));
    }

    @Test
    public void aTagBuildWithoutCanaryRouterNorDeliveryYamlIsRefusedRightAfterCheckout() throws Exception {
        PipelineTemplate t = template(Map.of("TAG_NAME", "2.0.0", "BRANCH_NAME", "2.0.0"), List.of("payments"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.call(named("canary", Map.of("pause", "5m"))));
        assertEquals("monorepoPipeline: this tag build (2.0.0) releases through canaryShift, which needs a router to know how "
                + "traffic reaches the canary: give canary.router, e.g. monorepoPipeline(canary: [router: { service -> nginx(ingress:"
                + " service) }]), or router: in the canary section of a delivery.yaml at the repository root, e.g. canary: {router:"
                + " {nginx: {ingress: '{service}'}}}", e.getMessage());
        assertEquals("no change detection, build or approval", List.of("podTemplate", "node", "stage", "checkout", "fileExists"),
                t.stepNames());
    }

    @Test
    public void aTagBuildWithDeliveryYamlLeavesTheRouterToTheFile() throws Exception {
        PipelineTemplate t = template(Map.of("TAG_NAME", "2.0.0", "BRANCH_NAME", "2.0.0"), List.of("payments"))
                .stub("fileExists", args -> true)
                .stub("canaryShift", args -> Map.of("promoted", true, "revision", 12, "previousRevision", 11, "namespace", "shop-prod",
                        "durationMillis", 900_000));
        t.call(named());
        assertEquals(Map.of("service", "payments", "environment", "prod", "imageTag", "2.0.0"), t.arguments("canaryShift", 0));
    }

    @Test
    public void aFailedServiceDoesNotStopTheOthersAndFailsTheBuildNamingIt() throws Exception {
        PipelineTemplate t = template(MAIN, List.of("payments", "search", "ledger")).stub("deployService", args -> {
            if (args.get("service").equals("search")) {
                throw new IllegalStateException("deployService: search: helm upgrade failed: timed out waiting for the condition");
            }
            return Map.of("revision", 4, "previousRevision", 3, "namespace", "shop-stage", "durationMillis", 2000);
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.call(named("parallelism", 1)));
        assertEquals("monorepoPipeline: 1 of 3 services failed: search (deployService: search: helm upgrade failed: timed out waiting "
                + "for the condition)", e.getMessage());
        assertEquals(3, t.stepNames().stream().filter("deployService"::equals).count());
        assertEquals("monorepoPipeline: main branch, image c0ffee1 to stage, 1 at a time: 2 deployed, 1 failed\n"
                + "service  | outcome  | where      | revision | was | took  | why\n"
                + "payments | deployed | shop-stage | 4        | 3   | 2.0 s |\n"
                + "search   | failed   | -          | -        | -   | -     | deployService: search: helm upgrade failed: timed out "
                + "waiting for the condition\n"
                + "ledger   | deployed | shop-stage | 4        | 3   | 2.0 s |", t.echoed().get(t.echoed().size() - 1));
    }

    @Test
    public void anAbortStartsNoOtherServiceAndStillPrintsTheTable() throws Exception {
        InterruptedException aborted = new InterruptedException("aborted by admin");
        PipelineTemplate t = template(MAIN, List.of("payments", "search", "ledger")).stub("deployService", args -> {
            if (args.get("service").equals("search")) {
                throw aborted;
            }
            return Map.of("revision", 4, "previousRevision", 3, "namespace", "shop-stage", "durationMillis", 2000);
        });
        assertSame(aborted, assertThrows(InterruptedException.class, () -> t.call(named("parallelism", 1))));
        assertEquals(List.of("payments", "search"), t.calls().stream().filter(c -> c.getKey().equals("deployService"))
                .map(c -> c.getValue().get("service")).toList());
        assertEquals("monorepoPipeline: main branch, image c0ffee1 to stage, 1 at a time: 1 deployed, 1 aborted, 1 not started\n"
                + "service  | outcome     | where      | revision | was | took  | why\n"
                + "payments | deployed    | shop-stage | 4        | 3   | 2.0 s |\n"
                + "search   | aborted     | -          | -        | -   | -     | aborted by admin\n"
                + "ledger   | not started | -          | -        | -   | -     |", t.echoed().get(t.echoed().size() - 1));
    }

    @Test
    public void anAbortInOneBranchStopsTheOtherBranchesTakingMore() throws Exception {
        InterruptedException aborted = new InterruptedException("aborted");
        PipelineTemplate t = template(MAIN, List.of("a", "b", "c", "d", "e", "f")).stub("deployService", args -> {
            if (args.get("service").equals("a")) {
                Thread.sleep(100);
                throw aborted;
            }
            Thread.sleep(300);
            return Map.of("revision", 1, "namespace", "shop-stage", "durationMillis", 300);
        });
        assertSame(aborted, assertThrows(InterruptedException.class, () -> t.call(named("parallelism", 2))));
        assertEquals("a aborted while b ran; b's branch took nothing after it", List.of("a", "b"),
                t.calls().stream().filter(c -> c.getKey().equals("deployService")).map(c -> c.getValue().get("service")).toList());
    }

    @Test
    public void aPausedCanaryRejectedInOneServiceIsAbortedAndTheBuildEnds() throws Exception {
        InterruptedException rejected = new InterruptedException("rejected");
        PipelineTemplate t = template(Map.of("TAG_NAME", "2.0.0", "BRANCH_NAME", "2.0.0"), List.of("payments", "ledger"))
                .stub("canaryShift", args -> Map.of("paused", true, "weight", 10))
                .stub("input", failingAt(1, rejected))
                .stub("canaryAbort", args -> Map.of("aborted", true));
        assertSame(rejected, assertThrows(InterruptedException.class, () -> t.call(named("parallelism", 1, "canary",
                Map.of("router", "nginx(shop)")))));
        assertEquals(Map.of("service", "payments", "environment", "prod", "router", "nginx(shop)"), t.arguments("canaryAbort", 0));
        assertEquals(1, t.stepNames().stream().filter("canaryShift"::equals).count());
        assertTrue(t.echoed().get(t.echoed().size() - 1).contains("payments | aborted     |"));
    }

    private static PipelineTemplate withDependencies(List<String> changed) throws Exception {
        Map<String, Object> changes = new HashMap<>(changes(changed));
        Map<String, List<String>> dependsOn = new LinkedHashMap<>();
        changed.forEach(service -> dependsOn.put(service, DEPENDENCIES.get(service)));
        changes.put("dependsOn", dependsOn);
        return template(MAIN, changed).stub("changedServices", args -> changes);
    }

    @Test
    public void dependentsAreDeliveredAfterWhatTheyDependOnAndOthersAlongsideTheFirst() throws Exception {
        List<String> started = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> ended = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, List<String>> endedBeforeStart = new java.util.concurrent.ConcurrentHashMap<>();
        PipelineTemplate t = withDependencies(List.of("web", "search", "payments", "ledger")).stub("deployService", args -> {
            String service = (String) args.get("service");
            endedBeforeStart.put(service, List.copyOf(ended));
            started.add(service);
            Thread.sleep(service.equals("payments") ? 300 : 100);
            ended.add(service);
            return Map.of("revision", 2, "previousRevision", 1, "namespace", "shop-stage", "durationMillis", 100);
        });
        t.call(named("parallelism", 4));
        assertEquals("three waves, each its own bounded parallel", List.of(Map.of("branches", List.of("lane 1", "lane 2")),
                Map.of("branches", List.of("lane 1")), Map.of("branches", List.of("lane 1"))),
                t.calls().stream().filter(c -> c.getKey().equals("parallel")).map(Map.Entry::getValue).toList());
        assertTrue("search after payments ended: " + endedBeforeStart, endedBeforeStart.get("search").contains("payments"));
        assertTrue("web after search ended: " + endedBeforeStart, endedBeforeStart.get("web").contains("search"));
        assertFalse("ledger depends on nothing: it went alongside payments", endedBeforeStart.get("ledger").contains("payments"));
        assertEquals(List.of("payments", "ledger"), started.subList(0, 2).stream().sorted(java.util.Comparator.reverseOrder()).toList());
        assertTrue(t.echoed().contains("monorepoPipeline: delivery order by dependsOn: 1. payments, ledger; 2. search (after payments); "
                + "3. web (after search)"));
    }

    @Test
    public void aFailureStopsItsDependentsSayingWhyButNotTheOtherServices() throws Exception {
        PipelineTemplate t = withDependencies(List.of("payments", "search", "web", "ledger")).stub("deployService", args -> {
            if (args.get("service").equals("payments")) {
                throw new IllegalStateException("deployService: payments: helm upgrade failed");
            }
            return Map.of("revision", 4, "previousRevision", 3, "namespace", "shop-stage", "durationMillis", 2000);
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.call(named("parallelism", 2)));
        assertEquals("monorepoPipeline: 1 of 4 services failed: payments (deployService: payments: helm upgrade failed); 2 not delivered"
                + " because of them: search (depends on payments, which failed), web (depends on search, which was not delivered either)",
                e.getMessage());
        assertEquals("ledger, in no chain with payments, was deployed", List.of("payments", "ledger"), t.calls().stream()
                .filter(c -> c.getKey().equals("deployService")).map(c -> (String) c.getValue().get("service"))
                .sorted(java.util.Comparator.reverseOrder()).toList());
        assertEquals("monorepoPipeline: main branch, image c0ffee1 to stage, 2 at a time: 1 failed, 2 skipped, 1 deployed\n"
                + "service  | outcome  | where      | revision | was | took  | why\n"
                + "payments | failed   | -          | -        | -   | -     | deployService: payments: helm upgrade failed\n"
                + "search   | skipped  | -          | -        | -   | -     | depends on payments, which failed\n"
                + "web      | skipped  | -          | -        | -   | -     | depends on search, which was not delivered either\n"
                + "ledger   | deployed | shop-stage | 4        | 3   | 2.0 s |", t.echoed().get(t.echoed().size() - 1));
    }

    @Test
    public void nothingChangedDeliversNothing() throws Exception {
        PipelineTemplate t = template(MAIN, List.of());
        assertEquals(Map.of(), t.call(named()));
        assertFalse(t.stepNames().contains("parallel"));
        assertEquals("monorepoPipeline: 0 service(s) to deliver: []; compared with 9f8e7d6, the last successful build's commit 9f8e7d6",
                t.echoed().get(0));
    }

    @Test
    public void everyServiceTakenSaysWhyAndTheGivenBaseIsPassedOn() throws Exception {
        PipelineTemplate t = template(MAIN, List.of()).stub("changedServices", args -> Map.of("services", List.of("payments"),
                "all", true, "why", "this is the first build: no earlier successful build to compare with"));
        t.call(named("base", "v1.4.0"));
        assertEquals(Map.of("base", "v1.4.0"), t.arguments("changedServices", 0));
        assertEquals("monorepoPipeline: 1 service(s) to deliver: [payments]; all of them, because this is the first build: "
                + "no earlier successful build to compare with", t.echoed().get(0));
    }

    @Test
    public void otherBranchesBuildAndTestTheChangedServicesOnly() throws Exception {
        PipelineTemplate t = template(Map.of("BRANCH_NAME", "feature/x"), List.of("payments", "search"));
        t.call(named("test", t.closure("test"), "parallelism", 1));
        assertEquals(2, t.stepNames().stream().filter("test"::equals).count());
        assertFalse(t.stepNames().contains("deployService"));
        assertTrue(t.echoed().get(t.echoed().size() - 1).startsWith("monorepoPipeline: no delivery on this branch, 1 at a time: 2 built"));
    }

    @Test
    public void withNoCommitFromCheckoutNothingIsAskedOrDeployed() throws Exception {
        PipelineTemplate t = template(MAIN, List.of("payments")).stub("checkout", args -> Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.call(named()));
        assertTrue(e.getMessage(), e.getMessage().startsWith("monorepoPipeline: no image tag for this build: checkout scm returned no GIT_COMMIT"));
        assertEquals("checkout(scm)", t.timeline().get(t.timeline().size() - 1));
    }

    @Test
    public void parameterErrorsNameTheParameterBeforeAnyStep() throws Exception {
        assertRefused(named("parallelism", 0), "monorepoPipeline: parallelism must be a whole number from 1 to 50, not Integer '0'");
        assertRefused(named("parallelism", "4"), "monorepoPipeline: parallelism must be a whole number from 1 to 50, not String '4'");
        assertRefused(named("paralelism", 4), "monorepoPipeline: unknown parameter 'paralelism' (did you mean 'parallelism'?)");
        assertRefused(named("base", 42), "monorepoPipeline: base must be a string");
    }

    private static void assertRefused(Map<String, Object> config, String message) throws Exception {
        PipelineTemplate t = template(MAIN, List.of("payments"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.call(config));
        assertTrue(e.getMessage(), e.getMessage().startsWith(message));
        assertEquals(List.of(), t.stepNames());
    }
}
