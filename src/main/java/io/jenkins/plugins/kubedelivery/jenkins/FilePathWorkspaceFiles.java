package io.jenkins.plugins.kubedelivery.jenkins;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.kubedelivery.engine.cli.RealPaths;
import io.jenkins.plugins.kubedelivery.engine.cli.WorkspaceFiles;
import io.jenkins.plugins.kubedelivery.engine.cli.WorkspaceListing;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * The workspace as the engine reads it, through the workspace {@link FilePath} so it works on any
 * agent. Paths are relative to the workspace root; an absolute path is never inside it.
 */
public final class FilePathWorkspaceFiles implements WorkspaceFiles {
    private final FilePath root;

    public FilePathWorkspaceFiles(FilePath root) {
        this.root = root;
    }

    @Override
    public boolean isFile(String relativePath) throws IOException, InterruptedException {
        if (isAbsolute(relativePath)) {
            return false;
        }
        FilePath file = root.child(relativePath);
        return file.exists() && !file.isDirectory();
    }

    @Override
    public boolean isDirectory(String relativePath) throws IOException, InterruptedException {
        return !isAbsolute(relativePath) && root.child(relativePath).isDirectory();
    }

    /** Resolved on the agent, where the links are: symbolic links cannot be read through a FilePath otherwise. */
    @Override
    public String realRelativePath(String relativePath) throws IOException, InterruptedException {
        if (isAbsolute(relativePath)) {
            return null;
        }
        return root.act(new RealRelativePath(relativePath));
    }

    @Override
    public List<String> entriesResolvingOutside(String relativeDirectory) throws IOException, InterruptedException {
        if (isAbsolute(relativeDirectory)) {
            return List.of(relativeDirectory);
        }
        return root.act(new EntriesResolvingOutside(relativeDirectory));
    }

    @Override
    public String readText(String relativePath) throws IOException, InterruptedException {
        if (isAbsolute(relativePath)) {
            return null;
        }
        return root.act(new ReadText(relativePath));
    }

    @Override
    public List<String> childDirectories(String relativeDirectory) throws IOException, InterruptedException {
        if (isAbsolute(relativeDirectory)) {
            return List.of();
        }
        return root.act(new ChildDirectories(relativeDirectory));
    }

    @Override
    public String toolPath(String relativePath) {
        return root.child(relativePath).getRemote();
    }

    private static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.startsWith("\\") || new File(path).isAbsolute();
    }

    /** Runs where the workspace is; answers with '/' separators, or null outside the workspace. */
    private static final class RealRelativePath extends MasterToSlaveFileCallable<String> {
        private static final long serialVersionUID = 1L;

        private final String relativePath;

        RealRelativePath(String relativePath) {
            this.relativePath = relativePath;
        }

        @Override
        public String invoke(File workspace, VirtualChannel channel) throws IOException {
            return RealPaths.realRelativePath(workspace.toPath(), relativePath);
        }
    }

    /** Walks the directory where the workspace is, so links are resolved on the agent's own disk. */
    private static final class EntriesResolvingOutside extends MasterToSlaveFileCallable<ArrayList<String>> {
        private static final long serialVersionUID = 1L;

        private final String relativeDirectory;

        EntriesResolvingOutside(String relativeDirectory) {
            this.relativeDirectory = relativeDirectory;
        }

        @Override
        public ArrayList<String> invoke(File workspace, VirtualChannel channel) throws IOException {
            return new ArrayList<>(RealPaths.entriesResolvingOutside(workspace.toPath(), relativeDirectory));
        }
    }

    /** Reads on the agent, as UTF-8 whatever the agent's own encoding. */
    private static final class ReadText extends MasterToSlaveFileCallable<String> {
        private static final long serialVersionUID = 1L;

        private final String relativePath;

        ReadText(String relativePath) {
            this.relativePath = relativePath;
        }

        @Override
        public String invoke(File workspace, VirtualChannel channel) throws IOException {
            return WorkspaceListing.readText(workspace.toPath(), relativePath);
        }
    }

    /** Lists on the agent: a FilePath listing would cost a round trip per entry. */
    private static final class ChildDirectories extends MasterToSlaveFileCallable<ArrayList<String>> {
        private static final long serialVersionUID = 1L;

        private final String relativeDirectory;

        ChildDirectories(String relativeDirectory) {
            this.relativeDirectory = relativeDirectory;
        }

        @Override
        public ArrayList<String> invoke(File workspace, VirtualChannel channel) throws IOException {
            return new ArrayList<>(WorkspaceListing.childDirectories(workspace.toPath(), relativeDirectory));
        }
    }
}
