package io.jenkins.plugins.kubedelivery.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real git repository in a temporary directory, driven the way a developer would: write files,
 * commit, branch, merge, clone. For tests of what the plugin reads from git.
 */
public final class GitRepository {
    /** A fixed identity and no user or system configuration, so tests behave alike everywhere. */
    public static final Map<String, String> ENVIRONMENT = Map.of("GIT_AUTHOR_NAME", "Test", "GIT_AUTHOR_EMAIL",
            "test@example.com", "GIT_COMMITTER_NAME", "Test", "GIT_COMMITTER_EMAIL", "test@example.com",
            "GIT_CONFIG_NOSYSTEM", "1", "GIT_CONFIG_GLOBAL", "/dev/null", "GIT_TERMINAL_PROMPT", "0");

    private final Path directory;

    private GitRepository(Path directory) {
        this.directory = directory;
    }

    public static GitRepository init(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        GitRepository repository = new GitRepository(directory);
        repository.git("init", "--quiet", "--initial-branch=main");
        return repository;
    }

    /** {@code git clone} with the given options (e.g. {@code --depth 1}); a file:// URL, so shallow clones work. */
    public GitRepository cloneTo(Path target, String... options) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("clone", "--quiet"));
        arguments.addAll(List.of(options));
        arguments.add("file://" + directory.toAbsolutePath());
        arguments.add(target.toAbsolutePath().toString());
        run(directory.getParent(), arguments);
        return new GitRepository(target);
    }

    public Path directory() {
        return directory;
    }

    public GitRepository write(String path, String content) throws IOException {
        Path file = directory.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return this;
    }

    /** Stages everything and commits; returns the new commit's id. */
    public String commit(String message) throws IOException, InterruptedException {
        git("add", "--all");
        git("commit", "--quiet", "--allow-empty", "-m", message);
        return head();
    }

    public String head() throws IOException, InterruptedException {
        return git("rev-parse", "HEAD").strip();
    }

    public String git(String... arguments) throws IOException, InterruptedException {
        return run(directory, List.of(arguments));
    }

    private static String run(Path where, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(where.toFile()).redirectErrorStream(true);
        builder.environment().putAll(ENVIRONMENT);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError("git " + arguments + " failed:\n" + output);
        }
        return output;
    }
}
