package io.jenkins.plugins.kubedelivery.engine.cli;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Recognises a tool that could not read one of the step's own staging files, and says why in one
 * line. The staging files (the kubeconfig, generated values, preview manifests) are 0600 and owned by
 * the agent's user; a helm or kubectl container that runs as another non-root uid gets "permission
 * denied" on them, which helm and kubectl report as Go does ({@code open <path>: permission denied},
 * for a kubeconfig inside {@code error loading config file "<path>": ...}). The fix is in the pod
 * template, not in the pipeline, so the message says so (docs/ARCHITECTURE.md, "Secrets and staging
 * files").
 */
public final class UnreadableStagingFile {
    private static final String DENIED = "permission denied";

    private UnreadableStagingFile() {}

    /**
     * The staging file a failed tool's output says it may not read.
     *
     * @param output the tool's output
     * @param stagingDirectory the staging directory as the agent names it; inside {@code container()}
     *     with its own working directory the tool may name it under another parent, so its last
     *     segment (a {@code kube-delivery-<random>} name) is recognised too
     * @return the file's name, or empty when the output holds no such denial
     */
    public static Optional<String> in(String output, String stagingDirectory) {
        String directory = stagingDirectory.endsWith("/") ? stagingDirectory.substring(0, stagingDirectory.length() - 1)
                : stagingDirectory;
        String lastSegment = "/" + directory.substring(directory.lastIndexOf('/') + 1) + "/";
        for (String line : output.split("\\R")) {
            if (!line.toLowerCase(Locale.ROOT).contains(DENIED)) {
                continue;
            }
            Optional<String> file = fileAfter(line, directory + "/").or(() -> fileAfter(line, lastSegment));
            if (file.isPresent()) {
                return file;
            }
        }
        return Optional.empty();
    }

    /** The plain file name that follows {@code prefix} in the line (staging files have no separators). */
    private static Optional<String> fileAfter(String line, String prefix) {
        int at = line.indexOf(prefix);
        if (at < 0) {
            return Optional.empty();
        }
        int start = at + prefix.length();
        int end = start;
        while (end < line.length() && ":\"'/ \t".indexOf(line.charAt(end)) < 0) {
            end++;
        }
        return end > start ? Optional.of(line.substring(start, end)) : Optional.empty();
    }

    /**
     * The one-line explanation of such a denial.
     *
     * @param ownerUid the uid the staging files belong to (the agent's user), when known
     */
    public static String explanation(String fileName, OptionalInt ownerUid) {
        String owner = ownerUid.isPresent() ? "uid " + ownerUid.getAsInt() : "the agent's user";
        String runAs = ownerUid.isPresent() ? String.valueOf(ownerUid.getAsInt()) : "<the agent's uid>";
        return "the container runs as a different user than the Jenkins agent, so it cannot read the step's " + fileName
                + " (mode 0600, owned by " + owner + "); run it as the agent's user: set securityContext.runAsUser: "
                + runAs + " in the pod template (README, \"Pod templates\")";
    }

    /**
     * The runner, with a failed result that is such a denial carrying the explanation, which
     * {@link ToolFailedException} puts into its message. The owner is asked only then.
     */
    public static CommandRunner explaining(CommandRunner runner, StagingArea staging) {
        return (command, timeout) -> {
            CommandResult result = runner.run(command, timeout);
            if (result.succeeded() || result.explanation() != null) {
                return result;
            }
            Optional<String> file = in(result.output(), staging.path());
            if (file.isEmpty()) {
                return result;
            }
            return result.explained(explanation(file.get(), ownerUid(staging)));
        };
    }

    private static OptionalInt ownerUid(StagingArea staging) throws InterruptedException {
        try {
            return staging.ownerUid();
        } catch (IOException e) {
            return OptionalInt.empty(); // the explanation stands without the number
        }
    }
}
