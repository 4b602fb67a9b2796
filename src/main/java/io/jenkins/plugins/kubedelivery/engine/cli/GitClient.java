package io.jenkins.plugins.kubedelivery.engine.cli;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import io.jenkins.plugins.kubedelivery.engine.model.ChangedPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * git in the build's workspace, run like helm and kubectl: an argument list through the
 * {@link CommandRunner}, so on a pod agent it runs where the checkout is. Output is read as git
 * documents it; warnings merged into it (stderr joins stdout inside {@code container()}) never look
 * like data.
 */
public final class GitClient {
    /** Fetches may reach a remote; local commands take far less. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    /**
     * What a revision given by a user may look like: a commit id or a ref name. Never starting with
     * {@code -}, so it cannot be read as an option; no {@code ..}, so it is one revision, not a range.
     */
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]*");
    /** The one-letter escapes of git's path quoting, and the bytes they stand for. */
    private static final Map<Character, Integer> ESCAPES = Map.of('t', 9, 'n', 10, 'r', 13, 'a', 7, 'b', 8, 'f', 12, 'v', 11,
            '"', 34, '\\', 92);
    /** {@code R100}, {@code M}, ...: the first field of a {@code --name-status} line. */
    private static final Pattern STATUS = Pattern.compile("[ACDMRTUXB][0-9]*");

    private final CommandRunner runner;
    private final String git;

    /** git as the tools port runs it: its runner, its git executable. */
    public GitClient(Tools tools) {
        this.runner = tools.runner();
        this.git = tools.git();
    }

    /** @throws ValidationException naming the parameter when the revision is not one plain revision */
    public static String requireRevision(String parameter, String revision) {
        NameRules.requirePresent(parameter, revision);
        if (!REVISION.matcher(revision).matches() || revision.contains("..") || revision.endsWith(".lock")) {
            throw new ValidationException(parameter, "'" + NameRules.shown(revision) + "' is not a commit id or branch name"
                    + " (letters, digits, '.', '_', '-' and '/', not starting with '-', no '..')");
        }
        return revision;
    }

    /** A shallow clone lacks history before its depth: bases there may be missing until it is deepened. */
    public boolean isShallow() throws InterruptedException {
        return output("git rev-parse", "rev-parse", "--is-shallow-repository").strip().endsWith("true");
    }

    /** The full commit id a revision names, or empty when the repository has no such commit. */
    public Optional<String> commit(String revision) throws InterruptedException {
        CommandResult result = ToolCalls.run(runner, command("rev-parse", "--verify", "--quiet", revision + "^{commit}"), TIMEOUT);
        return result.succeeded() ? Optional.of(lastLine(result.output())) : Optional.empty();
    }

    /** The best common ancestor of two commits, or empty when they share none in the history at hand. */
    public Optional<String> mergeBase(String a, String b) throws InterruptedException {
        CommandResult result = ToolCalls.run(runner, command("merge-base", a, b), TIMEOUT);
        return result.succeeded() ? Optional.of(lastLine(result.output())) : Optional.empty();
    }

    /** Fetches one branch of {@code origin} into its remote-tracking ref. */
    public void fetchBranch(String branch) throws InterruptedException {
        ToolCalls.succeed(runner, "git fetch", command("fetch", "--no-tags", "origin",
                "+refs/heads/" + branch + ":refs/remotes/origin/" + branch), TIMEOUT);
    }

    /** Deepens a shallow clone by {@code commits}, or fetches its whole history when {@code commits} is 0. */
    public void deepen(int commits) throws InterruptedException {
        ToolCalls.succeed(runner, "git fetch", commits == 0 ? command("fetch", "--no-tags", "--unshallow", "origin")
                : command("fetch", "--no-tags", "--deepen=" + commits, "origin"), TIMEOUT);
    }

    /** The files that differ between two commits, renames detected, as {@code git diff --name-status -M} lists them. */
    public List<ChangedPath> diff(String from, String to) throws InterruptedException {
        return parseNameStatus(ToolCalls.requireSuccess("git diff", ToolCalls.run(runner, diffCommand(from, to), TIMEOUT)).output());
    }

    /**
     * The same diff, or empty when git cannot make it (a revision it does not have): one process
     * where checking the revision first would take two, which matters beside a bare git diff.
     */
    public Optional<List<ChangedPath>> diffIfPresent(String from, String to) throws InterruptedException {
        CommandResult result = ToolCalls.run(runner, diffCommand(from, to), TIMEOUT);
        return result.succeeded() ? Optional.of(parseNameStatus(result.output())) : Optional.empty();
    }

    private CommandLine diffCommand(String from, String to) {
        return command("-c", "core.quotePath=false", "diff", "--name-status", "-M", "--no-color", "--no-ext-diff", from, to);
    }

    /**
     * Lines {@code STATUS<TAB>path[<TAB>path]}; anything else (a warning git printed on stderr) is
     * skipped. Paths git had to quote (tabs, newlines, quotes) are unquoted.
     */
    static List<ChangedPath> parseNameStatus(String output) {
        List<ChangedPath> changes = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] fields = line.split("\t", -1);
            if (fields.length < 2 || !STATUS.matcher(fields[0]).matches()) {
                continue;
            }
            char status = fields[0].charAt(0);
            if ((status == 'R' || status == 'C') && fields.length == 3) {
                changes.add(new ChangedPath(status, unquote(fields[2]), unquote(fields[1])));
            } else {
                changes.add(new ChangedPath(status, unquote(fields[1]), null));
            }
        }
        return changes;
    }

    /** Undoes git's C-style quoting of unusual paths: {@code "a\tb"}, and octal escapes as UTF-8 bytes. */
    static String unquote(String path) {
        if (path.length() < 2 || !path.startsWith("\"") || !path.endsWith("\"")) {
            return path;
        }
        String body = path.substring(1, path.length() - 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                if (next >= '0' && next <= '3' && i + 2 < body.length()) {
                    bytes.write(Integer.parseInt(body.substring(i, i + 3), 8));
                    i += 2;
                } else {
                    bytes.write(ESCAPES.getOrDefault(next, (int) next));
                }
            } else {
                int end = c == '\\' ? i + 1 : body.offsetByCodePoints(i, 1);
                bytes.writeBytes(body.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private String output(String verb, String... arguments) throws InterruptedException {
        return ToolCalls.succeed(runner, verb, command(arguments), TIMEOUT).output();
    }

    /** A commit id is the last line: anything before it is a warning. */
    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private CommandLine command(String... arguments) {
        List<String> argv = new ArrayList<>(List.of(git));
        argv.addAll(List.of(arguments));
        return CommandLine.of(argv);
    }
}
