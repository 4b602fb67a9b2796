package io.jenkins.plugins.kubedelivery.engine.cli;

import java.io.IOException;
import java.util.List;

/**
 * Read access to the build's workspace (the monorepo checkout), by paths relative to its root.
 * In Jenkins it goes through the workspace FilePath, so it works on any agent.
 */
public interface WorkspaceFiles {
    boolean isFile(String relativePath) throws IOException, InterruptedException;

    boolean isDirectory(String relativePath) throws IOException, InterruptedException;

    /**
     * The real path of an existing file or directory, relative to the workspace root, with
     * symbolic links resolved; {@code null} when it resolves outside the workspace.
     */
    String realRelativePath(String relativePath) throws IOException, InterruptedException;

    /**
     * Every file or directory under an existing directory (recursively, through symbolic links,
     * as helm reads a chart) that does not resolve inside the workspace, relative to the
     * workspace root; empty when all of it is inside.
     */
    List<String> entriesResolvingOutside(String relativeDirectory) throws IOException, InterruptedException;

    /**
     * A file's text, read as UTF-8 where the workspace is; {@code null} when there is no such file.
     * The caller checks first that it resolves inside the workspace ({@link #realRelativePath}).
     */
    String readText(String relativePath) throws IOException, InterruptedException;

    /** The names of the directories directly inside a directory, sorted; empty when it is no directory. */
    List<String> childDirectories(String relativeDirectory) throws IOException, InterruptedException;

    /** The path the tools are given for a workspace-relative path. */
    String toolPath(String relativePath);
}
