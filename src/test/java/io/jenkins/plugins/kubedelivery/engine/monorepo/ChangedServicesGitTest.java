package io.jenkins.plugins.kubedelivery.engine.monorepo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.cli.Tools;
import io.jenkins.plugins.kubedelivery.testsupport.GitMonorepo;
import io.jenkins.plugins.kubedelivery.testsupport.GitRepository;
import io.jenkins.plugins.kubedelivery.testsupport.LocalProcessRunner;
import io.jenkins.plugins.kubedelivery.testsupport.LocalWorkspace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** changedServices against real git repositories: each of the situations a multibranch build meets. */
public class ChangedServicesGitTest {
    @Rule
    public final TemporaryFolder temporary = new TemporaryFolder();

    private GitRepository origin;
    private String first;
    private final List<String> log = new ArrayList<>();

    @Before
    public void monorepo() throws Exception {
        origin = GitRepository.init(temporary.getRoot().toPath().resolve("origin"));
        first = GitMonorepo.init(origin);
    }

    private ChangedServicesResult detect(GitRepository workspace, ChangeBase base) throws Exception {
        DeliveryCatalog catalog = WorkspaceCatalog.read(new LocalWorkspace(workspace.directory()));
        EngineLog engineLog = log::add;
        EnginePorts ports = EnginePorts.builder()
                .tools(Tools.onPath(new LocalProcessRunner(workspace.directory(), GitRepository.ENVIRONMENT)))
                .log(engineLog).clock(Clock.systemUTC()).build();
        return new ChangedServices(ports).run(new ChangedServicesRequest(catalog, base));
    }

    private static ChangeBase since(String commit) {
        return new ChangeBase(null, null, commit);
    }

    private static List<String> reasons(ChangedServicesResult result) {
        return result.services().stream().map(AffectedService::toString).toList();
    }

    @Test
    public void aChangeAffectsItsServiceAndItsDependentsAndTheLogExplainsEach() throws Exception {
        origin.write("payments/src/Api.java", "class Api {}\n");
        origin.commit("payments api");
        ChangedServicesResult result = detect(origin, since(first));
        assertEquals(List.of("payments: changed in payments/src/Api.java",
                "search: depends on payments, which changed in payments/src/Api.java"), reasons(result));
        assertFalse(result.all());
        assertEquals(first, result.baseCommit());
        assertEquals(1, result.changedFiles());
        assertTrue(log.toString(), log.contains("  search: depends on payments, which changed in payments/src/Api.java"));
    }

    @Test
    public void renamesCountForBothSidesAndDeletionsCount() throws Exception {
        origin.git("mv", "payments/src/Main.java", "web/src/Moved.java");
        origin.commit("move");
        assertEquals(List.of("payments", "search", "web"), detect(origin, since(first)).names());
        String moved = origin.head();
        origin.git("rm", "--quiet", "web/src/Moved.java");
        origin.commit("delete");
        assertEquals(List.of("web: changed in web/src/Moved.java (deleted)"), reasons(detect(origin, since(moved))));
    }

    @Test
    public void sharedLibraryPathsAndChartsCount() throws Exception {
        origin.write("libs/common/Money.java", "class Money { long cents; }\n");
        origin.commit("money");
        assertEquals(List.of("payments", "search"), detect(origin, since(first)).names());
        String money = origin.head();
        origin.write("helm/web/values.prod.yaml", "replicas: 3\n");
        origin.commit("web values");
        assertEquals(List.of("web: changed in helm/web/values.prod.yaml"), reasons(detect(origin, since(money))));
        String values = origin.head();
        origin.write("README.md", "the monorepo\n");
        origin.commit("docs");
        assertEquals(List.of(), detect(origin, since(values)).names());
    }

    @Test
    public void aPullRequestIsComparedWithItsMergeBaseNotWithTheTargetsTip() throws Exception {
        origin.git("checkout", "--quiet", "-b", "feature");
        origin.write("search/src/Index.java", "class Index {}\n");
        origin.commit("search index");
        origin.git("checkout", "--quiet", "main");
        origin.write("web/src/Page.java", "class Page {}\n");
        origin.commit("web page on main meanwhile");
        GitRepository workspace = origin.cloneTo(temporary.getRoot().toPath().resolve("pr"), "--branch", "feature",
                "--single-branch");
        ChangedServicesResult result = detect(workspace, new ChangeBase(null, "main", null));
        assertEquals(List.of("search: changed in search/src/Index.java"), reasons(result));
        assertEquals(first, result.baseCommit());
        assertTrue(log.toString(), log.contains("changedServices: fetching origin/main to compare the pull request with it"));
    }

    @Test
    public void aMergeCommitBringsInWhatTheMergedBranchChanged() throws Exception {
        origin.git("checkout", "--quiet", "-b", "feature");
        origin.write("search/src/Index.java", "class Index {}\n");
        origin.commit("search index");
        origin.git("checkout", "--quiet", "main");
        origin.write("web/src/Page.java", "class Page {}\n");
        String beforeMerge = origin.commit("web page");
        origin.git("merge", "--quiet", "--no-ff", "-m", "merge feature", "feature");
        assertEquals(List.of("search: changed in search/src/Index.java"), reasons(detect(origin, since(beforeMerge))));
    }

    @Test
    public void deliveryYamlChangingMeansEveryService() throws Exception {
        origin.write("delivery.yaml", GitMonorepo.DELIVERY_YAML + "  web:\n    dependsOn: [search]\n");
        origin.commit("web depends on search");
        ChangedServicesResult result = detect(origin, since(first));
        assertEquals(List.of("payments", "search", "web"), result.names());
        assertEquals("web: delivery.yaml changed, which may change every service", reasons(result).get(2));
    }

    @Test
    public void aFirstBuildTakesEveryServiceAndSaysWhy() throws Exception {
        ChangedServicesResult result = detect(origin, new ChangeBase(null, null, null));
        assertTrue(result.all());
        assertNull(result.baseCommit());
        assertEquals(List.of("payments", "search", "web"), result.names());
        assertTrue(log.toString(), log.contains("changedServices: all 3 services, because this is the first build: no earlier"
                + " successful build to compare with"));
    }

    @Test
    public void aShallowCloneIsDeepenedUntilTheBaseIsThere() throws Exception {
        for (int i = 0; i < 3; i++) {
            origin.write("web/src/N" + i + ".java", "class N" + i + " {}\n");
            origin.commit("web " + i);
        }
        String base = origin.head();
        origin.write("payments/src/Api.java", "class Api {}\n");
        origin.commit("payments api");
        GitRepository shallow = origin.cloneTo(temporary.getRoot().toPath().resolve("shallow"), "--depth", "1");
        ChangedServicesResult result = detect(shallow, since(base));
        assertEquals(List.of("payments", "search"), result.names());
        assertFalse(result.all());
        assertTrue(log.toString(), log.contains("changedServices: the clone is shallow; deepening it by 50 commits to find the base"));
    }

    @Test
    public void aBaseThatAForcePushRemovedMeansEveryServiceAndSaysWhy() throws Exception {
        origin.write("payments/src/Api.java", "class Api {}\n");
        String rewritten = origin.commit("payments api");
        origin.git("reset", "--quiet", "--hard", first);
        origin.write("web/src/Page.java", "class Page {}\n");
        origin.commit("web page");
        GitRepository workspace = origin.cloneTo(temporary.getRoot().toPath().resolve("after-force-push"));
        ChangedServicesResult result = detect(workspace, since(rewritten));
        assertTrue(result.all());
        assertEquals("the last successful build's commit " + rewritten.substring(0, 12) + " no longer exists (a force-push"
                + " rewrote the branch?)", result.why());
    }
}
