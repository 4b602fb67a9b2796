package io.jenkins.plugins.kubedelivery.jenkins.monorepo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepOutcome;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestLauncher;
import io.jenkins.plugins.kubedelivery.testsupport.GitMonorepo;
import io.jenkins.plugins.kubedelivery.testsupport.GitRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * changedServices through the step, with the real git on temporary repositories: the workspace is a
 * clone of an "origin", as a multibranch build's checkout is, and the base comes from the build's
 * environment or the parameters.
 */
public class ChangedServicesStepTest {
    @Rule
    public final TemporaryFolder temporary = new TemporaryFolder();

    private StepFixture fixture;
    private GitRepository origin;
    private String first;

    @Before
    public void monorepo() throws Exception {
        fixture = StepFixture.local(temporary.newFolder("build"));
        fixture.environment.putAll(GitRepository.ENVIRONMENT);
        origin = GitRepository.init(temporary.getRoot().toPath().resolve("origin"));
        first = GitMonorepo.init(origin);
    }

    private GitRepository checkout(String... options) throws Exception {
        return origin.cloneTo(fixture.workspace, options);
    }

    private Map<?, ?> changed(ChangedServicesStep step) throws Exception {
        StepOutcome outcome = StepOutcome.run(step, fixture);
        assertNull("succeeded; log:\n" + fixture.log(), outcome.failure());
        return (Map<?, ?>) outcome.result();
    }

    @Test
    public void aPullRequestIsComparedWithItsMergeBaseWithTheTargetBranch() throws Exception {
        origin.git("checkout", "--quiet", "-b", "feature/search");
        origin.write("search/src/Query.java", "class Query {}\n");
        origin.commit("search query");
        origin.git("checkout", "--quiet", "main");
        origin.write("web/src/Page.java", "class Page {}\n"); // on the target after the fork: not the PR's change
        origin.commit("web page");
        checkout("--branch", "feature/search");
        fixture.environment.put("CHANGE_TARGET", "main");
        fixture.environment.put("GIT_PREVIOUS_SUCCESSFUL_COMMIT", first); // a PR compares with its target, not this

        Map<?, ?> result = changed(new ChangedServicesStep());

        assertEquals(List.of("search"), result.get("services"));
        assertEquals(first, result.get("baseCommit"));
        assertEquals(false, result.get("all"));
        assertTrue(String.valueOf(result.get("why")), String.valueOf(result.get("why")).contains("origin/main"));
        assertEquals(1, result.get("changedFiles"));
    }

    @Test
    public void aBranchBuildComparesWithTheLastSuccessfulCommitGivenAndDependentsFollow() throws Exception {
        origin.write("payments/src/Api.java", "class Api {}\n");
        origin.commit("payments api");
        checkout();

        ChangedServicesStep step = new ChangedServicesStep();
        step.setLastSuccessfulCommit(first);
        Map<?, ?> result = changed(step);

        assertEquals(List.of("payments", "search"), result.get("services"));
        assertEquals(first, result.get("baseCommit"));
        Map<?, ?> reasons = (Map<?, ?>) result.get("reasons");
        assertTrue(String.valueOf(reasons), String.valueOf(reasons.get("search")).contains("payments"));
        assertTrue(fixture.log(), fixture.log().contains("changedServices: 1 files changed since the last successful build's commit"));
        assertTrue(fixture.log(), fixture.log().contains("changedServices: decided in"));
    }

    @Test
    public void withoutTheParameterTheGitPluginsVariableIsTheBase() throws Exception {
        origin.write("libs/common/Money.java", "class Money { long cents; }\n");
        String second = origin.commit("money in cents");
        origin.write("web/src/Main.java", "class Main { }\n");
        origin.commit("web");
        checkout();
        fixture.environment.put("GIT_PREVIOUS_SUCCESSFUL_COMMIT", second);

        Map<?, ?> result = changed(new ChangedServicesStep());

        assertEquals(List.of("web"), result.get("services"));
        assertEquals(second, result.get("baseCommit"));
    }

    @Test
    public void aFirstBuildDeliversEveryServiceAndSaysWhy() throws Exception {
        checkout();

        Map<?, ?> result = changed(new ChangedServicesStep());

        assertEquals(List.of("payments", "search", "web"), result.get("services"));
        assertEquals(true, result.get("all"));
        assertNull(result.get("baseCommit"));
        assertTrue(String.valueOf(result.get("why")), String.valueOf(result.get("why")).contains("first build"));
        assertTrue(fixture.log(), fixture.log().contains("changedServices: all 3 services, because this is the first build"));
        assertEquals(List.of("services", "reasons", "dependsOn", "all", "baseCommit", "why", "changedFiles", "durationMillis"),
                new ArrayList<>(result.keySet()));
    }

    @Test
    public void anExplicitBaseWinsOverThePullRequestAndTheLastBuild() throws Exception {
        origin.write("web/src/Main.java", "class Main { }\n");
        String webChanged = origin.commit("web");
        origin.git("tag", "v1.0.0", first);
        checkout();
        fixture.environment.put("CHANGE_TARGET", "main");
        fixture.environment.put("GIT_PREVIOUS_SUCCESSFUL_COMMIT", webChanged);

        ChangedServicesStep step = new ChangedServicesStep();
        step.setBase("v1.0.0");
        Map<?, ?> result = changed(step);

        assertEquals(List.of("web"), result.get("services"));
        assertEquals(first, result.get("baseCommit"));
        assertTrue(String.valueOf(result.get("why")), String.valueOf(result.get("why")).contains("v1.0.0 as given"));
    }

    @Test
    public void aBadCatalogueFailsNamingFileLineAndKeyBeforeGitRuns() throws Exception {
        checkout();
        Files.writeString(fixture.workspace.resolve("delivery.yaml"), GitMonorepo.DELIVERY_YAML + "  web:\n    dependsOn: [paymnts]\n");

        StepOutcome outcome = StepOutcome.run(new ChangedServicesStep(), fixture);

        assertEquals("changedServices: delivery.yaml:7:17: services.web.dependsOn[0]: unknown service 'paymnts'"
                + " (did you mean 'payments'?)", outcome.failure());
        assertEquals("no git command ran", List.of(), fixture.launcher.launches());
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    /** The catalogue is a file of the checkout: a link leading out of the workspace is refused, not followed. */
    @Test
    public void aCatalogueLinkedFromOutsideTheWorkspaceIsRefused() throws Exception {
        checkout();
        Path outside = temporary.newFile("delivery.yaml").toPath();
        Files.writeString(outside, "services: {}\n");
        Files.delete(fixture.workspace.resolve("delivery.yaml"));
        Files.createSymbolicLink(fixture.workspace.resolve("delivery.yaml"), outside);

        StepOutcome outcome = StepOutcome.run(new ChangedServicesStep(), fixture);

        assertTrue(outcome.failure(), outcome.failure().startsWith("changedServices: delivery.yaml: a symbolic link out of the workspace"));
        assertEquals(List.of(), fixture.launcher.launches());
    }

    /** Without delivery.yaml the conventions apply: every chart under helm/ is a service. */
    @Test
    public void withoutACatalogueTheChartsUnderHelmAreTheServices() throws Exception {
        origin.git("rm", "--quiet", "delivery.yaml");
        origin.write("helm/notes/README.md", "not a chart\n");
        String withoutCatalogue = origin.commit("no catalogue"); // a change of delivery.yaml itself means every service
        origin.write("search/src/Main.java", "class Main { }\n");
        origin.commit("search");
        checkout();
        ChangedServicesStep step = new ChangedServicesStep();
        step.setBase(withoutCatalogue);

        Map<?, ?> result = changed(step);

        assertEquals(List.of("search"), result.get("services"));
        assertTrue(fixture.log(), fixture.log().contains("of 3 services affected"));
    }

    /** No cluster: no credential is looked up and the staging directory holds no kubeconfig while git runs. */
    @Test
    public void itReadsNoCredentialAndStagesNoKubeconfig() throws Exception {
        checkout();
        fixture.credentials.secretFile("cluster", "apiVersion: v1\nkind: Config\n");
        fixture.environment.put("GIT_PREVIOUS_SUCCESSFUL_COMMIT", first);
        List<String> stagedWhileGitRan = new ArrayList<>();
        fixture.launcher.onLaunch(launch -> stagedWhileGitRan.addAll(stagedFiles()));

        changed(new ChangedServicesStep());

        assertEquals(List.of(), fixture.credentials.lookedUp());
        assertFalse(fixture.launcher.launches().isEmpty());
        for (TestLauncher.Launch launch : fixture.launcher.launches()) {
            assertEquals(launch.cmds().toString(), "git", launch.cmds().get(0));
            assertFalse(launch.envs().containsKey("KUBECONFIG"));
        }
        assertEquals(List.of(), stagedWhileGitRan);
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    private List<String> stagedFiles() {
        List<String> files = new ArrayList<>();
        try {
            for (Path directory : fixture.stagingDirectories()) {
                try (Stream<Path> walk = Files.walk(directory)) {
                    walk.filter(Files::isRegularFile).forEach(file -> files.add(file.toString()));
                }
            }
        } catch (java.io.IOException e) {
            files.add("unreadable: " + e);
        }
        return files;
    }
}
