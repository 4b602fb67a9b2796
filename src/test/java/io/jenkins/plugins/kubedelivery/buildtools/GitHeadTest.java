package io.jenkins.plugins.kubedelivery.buildtools;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class GitHeadTest {
    private static final String A = "8a671c962648e5db12c670d987d54bbe09f2f6a7";
    private static final String B = "50a1a76f0e1b2c3d4e5f60718293a4b5c6d7e8f9";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void detachedHeadAsJenkinsChecksOut() throws IOException {
        Path repo = repo("HEAD", A + "\n");
        assertEquals(Optional.of(A), GitHead.of(repo));
    }

    @Test
    public void branchWithALooseRef() throws IOException {
        Path repo = repo("HEAD", "ref: refs/heads/main\n", "refs/heads/main", A + "\n");
        assertEquals(Optional.of(A), GitHead.of(repo));
    }

    @Test
    public void branchWithAPackedRefSkipsCommentsAndPeeledTags() throws IOException {
        Path repo = repo("HEAD", "ref: refs/heads/main\n", "packed-refs",
                "# pack-refs with: peeled fully-peeled sorted \n" + B + " refs/tags/v1\n^" + A + "\n" + A + " refs/heads/main\n");
        assertEquals(Optional.of(A), GitHead.of(repo));
    }

    @Test
    public void worktreeFindsItsBranchInTheCommonDirectory() throws IOException {
        Path main = repo("HEAD", "ref: refs/heads/main\n", "refs/heads/main", B + "\n", "refs/heads/feature", A + "\n",
                "worktrees/wt/HEAD", "ref: refs/heads/feature\n", "worktrees/wt/commondir", "../..\n");
        Path worktree = Files.createDirectories(tmp.getRoot().toPath().resolve("wt"));
        Files.writeString(worktree.resolve(".git"), "gitdir: " + main.resolve(".git/worktrees/wt") + "\n");
        assertEquals(Optional.of(A), GitHead.of(worktree));
    }

    @Test
    public void aSubdirectoryOfTheCheckoutFindsIt() throws IOException {
        Path repo = repo("HEAD", A + "\n");
        assertEquals(Optional.of(A), GitHead.of(Files.createDirectories(repo.resolve("src/main"))));
    }

    @Test
    public void noCommitWhenTheBranchIsUnbornOrThereIsNoCheckout() throws IOException {
        assertEquals(Optional.empty(), GitHead.of(repo("HEAD", "ref: refs/heads/main\n")));
        assertEquals(Optional.empty(), GitHead.of(tmp.newFolder("plain").toPath()));
    }

    /** A {@code .git} directory holding the given files (path, content, path, content...). */
    private Path repo(String... pathsAndContents) throws IOException {
        Path root = tmp.newFolder().toPath();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path file = root.resolve(".git").resolve(pathsAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndContents[i + 1]);
        }
        Files.createDirectories(root.resolve(".git"));
        return root;
    }
}
