package io.jenkins.plugins.kubedelivery.testsupport;

import io.jenkins.plugins.kubedelivery.engine.cli.RealPaths;
import io.jenkins.plugins.kubedelivery.engine.cli.WorkspaceFiles;
import io.jenkins.plugins.kubedelivery.engine.cli.WorkspaceListing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A workspace on the local disk, as the Jenkins adapter's FilePath version behaves. */
public final class LocalWorkspace implements WorkspaceFiles {
    private final Path root;

    public LocalWorkspace(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public boolean isFile(String relativePath) {
        return Files.isRegularFile(root.resolve(relativePath));
    }

    @Override
    public boolean isDirectory(String relativePath) {
        return Files.isDirectory(root.resolve(relativePath));
    }

    @Override
    public String realRelativePath(String relativePath) throws IOException {
        return RealPaths.realRelativePath(root, relativePath);
    }

    @Override
    public List<String> entriesResolvingOutside(String relativeDirectory) throws IOException {
        return RealPaths.entriesResolvingOutside(root, relativeDirectory);
    }

    @Override
    public String readText(String relativePath) throws IOException {
        return WorkspaceListing.readText(root, relativePath);
    }

    @Override
    public List<String> childDirectories(String relativeDirectory) throws IOException {
        return WorkspaceListing.childDirectories(root, relativeDirectory);
    }

    @Override
    public String toolPath(String relativePath) {
        return root.resolve(relativePath).toString();
    }
}
