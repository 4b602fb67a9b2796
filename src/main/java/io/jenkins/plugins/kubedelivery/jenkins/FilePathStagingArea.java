package io.jenkins.plugins.kubedelivery.jenkins;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.kubedelivery.engine.cli.StagingArea;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.OptionalInt;
import java.util.UUID;
import jenkins.MasterToSlaveFileCallable;

/**
 * A fresh {@code kube-delivery-<random>} directory (0700) under the workspace's {@code @tmp}
 * sibling: outside the checkout, so nothing archives or stashes it, yet on the pod's shared
 * workspace volume, so the helm container reads it. Files are 0600. {@link #close()} removes it
 * all and may be called more than once.
 */
public final class FilePathStagingArea implements StagingArea {
    static final String DIRECTORY_PREFIX = "kube-delivery-";

    private final FilePath directory;

    private FilePathStagingArea(FilePath directory) {
        this.directory = directory;
    }

    public static FilePathStagingArea create(FilePath workspace) throws IOException, InterruptedException {
        FilePath tempRoot = WorkspaceList.tempDir(workspace);
        if (tempRoot == null) {
            throw new IOException("the workspace " + workspace.getRemote() + " has no temporary directory");
        }
        tempRoot.mkdirs();
        FilePath directory = tempRoot.child(DIRECTORY_PREFIX + UUID.randomUUID());
        directory.mkdirs();
        directory.chmod(0700);
        return new FilePathStagingArea(directory);
    }

    /** Where the files are, as the agent (and the containers sharing its workspace volume) sees them. */
    @Override
    public String path() {
        return directory.getRemote();
    }

    /** The directory's owner as the agent's file system reports it: the agent JVM's user, who created it. */
    @Override
    public OptionalInt ownerUid() throws IOException, InterruptedException {
        Integer uid = directory.act(new OwnerUid());
        return uid == null ? OptionalInt.empty() : OptionalInt.of(uid);
    }

    /** Runs on the agent: the numeric owner of the directory, or null where there is none (Windows). */
    private static final class OwnerUid extends MasterToSlaveFileCallable<Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer invoke(File directory, VirtualChannel channel) throws IOException {
            try {
                return (Integer) Files.getAttribute(directory.toPath(), "unix:uid");
            } catch (UnsupportedOperationException noUnixView) {
                return null;
            }
        }
    }

    @Override
    public String write(String fileName, String content) throws IOException, InterruptedException {
        checkFileName(fileName);
        FilePath file = directory.child(fileName);
        // Restrict the empty file first, so the content never exists with wider permissions.
        file.write("", "UTF-8");
        file.chmod(0600);
        file.write(content, "UTF-8");
        return file.getRemote();
    }

    private static void checkFileName(String fileName) {
        boolean plain = fileName != null && !fileName.isEmpty() && !fileName.equals(".") && !fileName.equals("..")
                && fileName.chars().noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c));
        if (!plain) {
            throw new IllegalArgumentException("not a plain file name: " + fileName);
        }
    }

    /**
     * Deletes the directory. Clears a pending interrupt for the duration: on an aborted build the
     * worker thread is interrupted, and a remote delete would otherwise fail at once and leave
     * the secret files behind.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        boolean interrupted = Thread.interrupted();
        try {
            directory.deleteRecursive();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
