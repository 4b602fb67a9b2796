package io.jenkins.plugins.kubedelivery.engine.cli;

import java.io.IOException;
import java.util.OptionalInt;

/**
 * A private directory the tools can read (in Jenkins: a fresh 0700 directory under the workspace's
 * {@code @tmp} sibling, shared with the pod's containers) where the engine writes generated values
 * files. Files are 0600. {@link #close()} removes the directory and everything in it, on success,
 * failure and abort.
 */
public interface StagingArea extends AutoCloseable {
    /**
     * Writes a new file and returns its path as the tools see it. Never overwrites: each call in
     * one area needs its own name (see {@link #uniqueName}).
     *
     * @param fileName a plain file name (no separators)
     */
    String write(String fileName, String content) throws IOException, InterruptedException;

    /** The directory the files are in, as the tools are told it. */
    String path();

    /**
     * The uid the files belong to: the agent's user, which a container reading them must run as.
     * Asked only to explain a tool that could not read them ({@link UnreadableStagingFile}).
     *
     * @return the uid, or empty where the file system has none
     */
    OptionalInt ownerUid() throws IOException, InterruptedException;

    /** A file name no other call in this JVM gets: several deploys may share one staging area. */
    static String uniqueName(String prefix, String suffix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8) + suffix;
    }

    @Override
    void close() throws IOException, InterruptedException;
}
