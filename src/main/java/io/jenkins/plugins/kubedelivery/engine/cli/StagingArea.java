package io.jenkins.plugins.kubedelivery.engine.cli;

import java.io.IOException;

/**
 * A private directory the tools can read (in Jenkins: a fresh 0700 directory under the workspace's
 * {@code @tmp} sibling, shared with the pod's containers) where the engine writes generated values
 * files. Files are 0600. {@link #close()} removes the directory and everything in it, on success,
 * failure and abort.
 */
public interface StagingArea extends AutoCloseable {
    /**
     * Writes a file and returns its path as the tools see it.
     *
     * @param fileName a plain file name (no separators)
     */
    String write(String fileName, String content) throws IOException, InterruptedException;

    @Override
    void close() throws IOException, InterruptedException;
}
