package io.jenkins.plugins.kubedelivery.buildtools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The commit a source tree is checked out at, read from its git files rather than by running git:
 * a build in a container often runs as another user than the one that cloned (root over a
 * workspace owned by uid 1000), and git then refuses the repository ("dubious ownership"). Reads
 * a detached HEAD (what Jenkins checks out), a branch's loose or packed ref, and worktrees. A
 * repository in git's newer reftable format reads as having no commit, and the build falls back to
 * a timestamp. Build-time only; never packaged.
 */
final class GitHead {
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private GitHead() {}

    /** @return the full object id of HEAD, or empty when {@code dir} is not inside a git checkout with a commit */
    static Optional<String> of(Path dir) throws IOException {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path dotGit = d.resolve(".git");
            if (Files.isDirectory(dotGit)) {
                return resolve(dotGit);
            }
            if (Files.isRegularFile(dotGit)) {
                return resolve(gitDirOfLink(dotGit));
            }
        }
        return Optional.empty();
    }

    /** A worktree's or submodule's {@code .git} is a file: {@code gitdir: <path>}. */
    private static Path gitDirOfLink(Path dotGitFile) throws IOException {
        String line = read(dotGitFile);
        if (!line.startsWith("gitdir:")) {
            throw new IOException(dotGitFile + " is neither a git directory nor a 'gitdir:' link");
        }
        return dotGitFile.getParent().resolve(line.substring("gitdir:".length()).strip()).normalize();
    }

    private static Optional<String> resolve(Path gitDir) throws IOException {
        String head = read(gitDir.resolve("HEAD"));
        if (!head.startsWith("ref:")) {
            return objectId(head);
        }
        String ref = head.substring("ref:".length()).strip();
        // A worktree keeps its own HEAD; branches live in the repository's common directory.
        Path common = Files.isRegularFile(gitDir.resolve("commondir"))
                ? gitDir.resolve(read(gitDir.resolve("commondir"))).normalize()
                : gitDir;
        for (Path dir : new Path[] {gitDir, common}) {
            Path loose = dir.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return objectId(read(loose));
            }
        }
        Path packed = common.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                String[] idAndName = line.strip().split(" ", 2);
                if (idAndName.length == 2 && idAndName[1].equals(ref)) {
                    return objectId(idAndName[0]);
                }
            }
        }
        return Optional.empty(); // a branch with no commit yet
    }

    private static Optional<String> objectId(String text) {
        return OBJECT_ID.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
}
