package io.jenkins.plugins.kubedelivery.jenkins;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.kubedelivery.engine.cli.WorkspaceFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
            Path realRoot = workspace.toPath().toRealPath();
            Path real;
            try {
                real = realRoot.resolve(relativePath).toRealPath();
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(relativePath, null, "not found in the workspace");
            }
            if (!real.startsWith(realRoot)) {
                return null;
            }
            return realRoot.relativize(real).toString().replace(File.separatorChar, '/');
        }
    }
}
