package io.jenkins.plugins.kubedelivery.templates;

import static io.jenkins.plugins.kubedelivery.templates.PipelineTemplate.named;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** vars/previewCleanupPipeline.groovy: the nightly reap, with the open pull requests given or read from the multibranch project. */
public class PreviewCleanupPipelineTemplateTest {
    private static final Map<String, Object> REAPED = Map.of("deleted", List.of("pr-40-shop", "pr-43-shop"), "kept", List.of("pr-42-shop"),
            "failed", Map.of(), "dryRun", false, "durationMillis", 2100);

    /** A branch job of a multibranch project, as Groovy reads it: {@code name} and {@code buildable}. */
    public static final class BranchJob {
        private final String name;
        private final boolean buildable;

        BranchJob(String name, boolean buildable) {
            this.name = name;
            this.buildable = buildable;
        }

        public String getName() {
            return name;
        }

        public boolean isBuildable() {
            return buildable;
        }
    }

    /** A multibranch project: its branch jobs as {@code items}. */
    public static final class Multibranch {
        private final List<BranchJob> items;

        Multibranch(List<BranchJob> items) {
            this.items = items;
        }

        public List<BranchJob> getItems() {
            return items;
        }
    }

    private static PipelineTemplate template(Map<String, Object> jobs) throws Exception {
        return new PipelineTemplate("previewCleanupPipeline", Map.of("JOB_NAME", "shop-preview-cleanup"))
                .stub("reapPreviewNamespaces", args -> REAPED)
                .replace("previewCleanupPipeline", "itemByFullName", new groovy.lang.Closure<Object>(null) {
                    @SuppressWarnings("unused") // called by Groovy with the template's one argument
                    public Object doCall(String fullName) {
                        return jobs.get(fullName);
                    }
                });
    }


    @Test
    public void theOpenPullRequestsAreTheMultibranchProjectsLivePullRequestJobs() throws Exception {
        Multibranch shop = new Multibranch(List.of(new BranchJob("main", true), new BranchJob("PR-41", false),
                new BranchJob("PR-42", true), new BranchJob("PR-44", true), new BranchJob("PR-x", true), new BranchJob("feature-PR-45", true)));
        PipelineTemplate t = template(Map.of("team/shop", shop));
        Object result = t.call(named("multibranchJob", "team/shop", "kubeconfigCredentialsId", "preview-kubeconfig"));

        assertEquals(List.of("echo(previewCleanupPipeline: team/shop has 2 open pull request(s): [PR-42, PR-44])", "podTemplate",
                "node(kube-delivery-pod)", "stage(Reap previews)", "container(helm)", "reapPreviewNamespaces",
                "echo(previewCleanupPipeline: deleted 2 (pr-40-shop, pr-43-shop), kept 1)"), t.timeline());
        assertEquals("PR-41 is a closed pull request's dead branch job", Map.of("kubeconfigCredentialsId", "preview-kubeconfig",
                "repository", "shop", "openPullRequests", List.of("PR-42", "PR-44")), t.arguments("reapPreviewNamespaces", 0));
        assertEquals(REAPED, result);
    }

    @Test
    public void aMultibranchProjectWithNoPullRequestMeansNoneIsOpen() throws Exception {
        PipelineTemplate t = template(Map.of("shop", new Multibranch(List.of(new BranchJob("main", true)))));
        t.call(named("multibranchJob", "shop", "repository", "shop-repo", "dryRun", true, "parallelism", 8));
        assertEquals(Map.of("dryRun", true, "parallelism", 8, "repository", "shop-repo", "openPullRequests", List.of()),
                t.arguments("reapPreviewNamespaces", 0));
    }

    @Test
    public void theOpenPullRequestsCanBeGiven() throws Exception {
        PipelineTemplate t = template(Map.of());
        t.call(named("openPullRequests", List.of(41, "PR-42"), "repository", "shop", "failOnError", false));
        assertEquals(Map.of("failOnError", false, "repository", "shop", "openPullRequests", List.of(41, "PR-42")),
                t.arguments("reapPreviewNamespaces", 0));
    }

    @Test
    public void withNeitherThePreviewsAreReapedByExpiryAlone() throws Exception {
        PipelineTemplate t = template(Map.of());
        t.call(named());
        assertEquals(Map.of(), t.arguments("reapPreviewNamespaces", 0));
    }

    @Test
    public void aFailedReapFailsTheJob() throws Exception {
        PipelineTemplate t = template(Map.of()).stub("reapPreviewNamespaces", args -> {
            throw new IllegalStateException("reapPreviewNamespaces: 1 deletion failed: pr-40-shop (forbidden)");
        });
        assertEquals("reapPreviewNamespaces: 1 deletion failed: pr-40-shop (forbidden)",
                assertThrows(IllegalStateException.class, () -> t.call(named())).getMessage());
    }

    @Test
    public void aDryRunSaysWhatWouldBeDeleted() throws Exception {
        PipelineTemplate t = template(Map.of()).stub("reapPreviewNamespaces", args -> Map.of("deleted", List.of("pr-40-shop"),
                "kept", List.of(), "failed", Map.of("pr-39-shop", "forbidden"), "dryRun", true));
        t.call(named("dryRun", true));
        assertEquals("previewCleanupPipeline: would delete 1 (pr-40-shop), kept 0, failed 1: [pr-39-shop:forbidden]",
                t.echoed().get(t.echoed().size() - 1));
    }

    @Test
    public void parameterErrorsNameTheParameterBeforeAnyStep() throws Exception {
        assertRefused(named("multibranchJob", "nope"), Map.of(),
                "previewCleanupPipeline: multibranchJob: no job 'nope' that this build may read");
        assertRefused(named("multibranchJob", "shop/main"), Map.of("shop/main", new BranchJob("main", true)),
                "previewCleanupPipeline: multibranchJob: 'shop/main' is not a multibranch project");
        assertRefused(named("multibranchJob", "shop", "openPullRequests", List.of(1)), Map.of(),
                "previewCleanupPipeline: give multibranchJob or openPullRequests, not both");
        assertRefused(named("openPullRequests", List.of(41)), Map.of(),
                "previewCleanupPipeline: repository is required with openPullRequests");
        assertRefused(named("openPullRequests", "41,42"), Map.of(), "previewCleanupPipeline: openPullRequests must be a list");
        assertRefused(named("dryrun", true), Map.of(), "previewCleanupPipeline: unknown parameter 'dryrun' (did you mean 'dryRun'?)");
    }

    private static void assertRefused(Map<String, Object> config, Map<String, Object> jobs, String message) throws Exception {
        PipelineTemplate t = template(jobs);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.call(config));
        assertTrue(e.getMessage(), e.getMessage().startsWith(message));
        assertEquals(List.of(), t.stepNames());
    }
}
