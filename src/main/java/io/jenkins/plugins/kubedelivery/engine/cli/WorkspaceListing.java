package io.jenkins.plugins.kubedelivery.engine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reading and listing a workspace on the disk where it is: run on the agent by the Jenkins
 * adapter's {@code FilePathWorkspaceFiles}, and by the tests' local workspace, so both behave alike.
 */
public final class WorkspaceListing {
    private WorkspaceListing() {}

    /** @return the file's UTF-8 text, or {@code null} when it is no regular file */
    public static String readText(Path workspace, String relativePath) throws IOException {
        Path file = workspace.resolve(relativePath);
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    /** @return the names of the directories directly inside, sorted; empty when it is no directory */
    public static List<String> childDirectories(Path workspace, String relativeDirectory) throws IOException {
        Path directory = workspace.resolve(relativeDirectory);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(Files::isDirectory).map(child -> child.getFileName().toString()).sorted().toList();
        }
    }
}
