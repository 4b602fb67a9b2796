package io.jenkins.plugins.kubedelivery.jenkins.preview;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import hudson.EnvVars;
import java.util.Map;
import org.junit.Test;

public class PullRequestEnvironmentTest {
    @Test
    public void aMultibranchPullRequestBuildNamesEverything() {
        EnvVars env = new EnvVars(Map.of("CHANGE_ID", "42", "CHANGE_BRANCH", "feature/pay", "BRANCH_NAME", "PR-42",
                "GIT_COMMIT", "0123abc", "BUILD_URL", "https://ci.example.com/job/shop/job/PR-42/3/",
                "GIT_URL", "https://github.com/acme/shop.git", "JOB_NAME", "apps/webshop/PR-42"));

        PullRequestEnvironment pr = PullRequestEnvironment.from(env);

        assertEquals("42", pr.pr());
        assertEquals("feature/pay", pr.branch());
        assertEquals("0123abc", pr.commit());
        assertEquals("https://ci.example.com/job/shop/job/PR-42/3/", pr.buildUrl());
        assertEquals("the repository's own name wins over the project's", "shop", pr.repository());
    }

    @Test
    public void withoutGitUrlTheMultibranchProjectNamesTheRepository() {
        PullRequestEnvironment pr = PullRequestEnvironment.from(Map.of("JOB_NAME", "apps/shop/PR-42", "BRANCH_NAME", "PR-42"));

        assertEquals("shop", pr.repository());
        assertEquals("BRANCH_NAME when CHANGE_BRANCH is unset", "PR-42", pr.branch());
        assertNull(pr.pr());
        assertNull(pr.commit());
    }

    @Test
    public void repositoryFromEveryFormOfGitUrl() {
        assertEquals("shop", PullRequestEnvironment.repositoryOfGitUrl("https://github.com/acme/shop.git"));
        assertEquals("shop", PullRequestEnvironment.repositoryOfGitUrl("https://github.com/acme/shop"));
        assertEquals("shop", PullRequestEnvironment.repositoryOfGitUrl("https://gitlab.example.com/acme/shop/"));
        assertEquals("shop", PullRequestEnvironment.repositoryOfGitUrl("git@github.com:acme/shop.git"));
        assertEquals("shop", PullRequestEnvironment.repositoryOfGitUrl("git@host:shop.git"));
        assertEquals("shop.web", PullRequestEnvironment.repositoryOfGitUrl("ssh://git@host/acme/shop.web.git"));
        assertNull(PullRequestEnvironment.repositoryOfGitUrl(" "));
        assertNull(PullRequestEnvironment.repositoryOfGitUrl(null));
    }

    @Test
    public void aJobOutsideAFolderNamesNoProject() {
        assertEquals("shop", PullRequestEnvironment.projectOfJobName("shop/main"));
        assertNull(PullRequestEnvironment.projectOfJobName("nightly-reaper"));
        assertNull(PullRequestEnvironment.projectOfJobName(null));
    }

    @Test
    public void noEnvironmentMeansNoDefaults() {
        assertEquals(PullRequestEnvironment.NONE, PullRequestEnvironment.from(null));
        assertEquals(PullRequestEnvironment.NONE, PullRequestEnvironment.from(new EnvVars()));
    }

    @Test
    public void whatTheStepWasGivenWins() {
        assertEquals("41", PullRequestEnvironment.given(" 41 ", "42"));
        assertEquals("42", PullRequestEnvironment.given("", "42"));
        assertNull(PullRequestEnvironment.given(null, null));
    }
}
