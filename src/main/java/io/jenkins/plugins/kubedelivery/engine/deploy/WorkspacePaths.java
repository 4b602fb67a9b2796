package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.WorkspaceFiles;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Workspace-relative paths given by users: normalised, and never allowed to leave the workspace. */
public final class WorkspacePaths {
    private WorkspacePaths() {}

    /** Normalises {@code a/./b/../c} to {@code a/c}; refuses absolute paths and paths that climb out. */
    public static String normalize(String parameter, String path) {
        if (path == null || path.isBlank()) {
            throw new ValidationException(parameter, "is empty: give a path relative to the workspace");
        }
        CommandLine.checkArgument(parameter, path);
        if (path.startsWith("/") || path.startsWith("~") || path.matches("^[A-Za-z]:.*")) {
            throw new ValidationException(parameter, "'" + NameRules.shown(path) + "' is outside the workspace: give a"
                    + " path relative to the workspace root, such as 'helm/payments'");
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new ValidationException(parameter, "'" + NameRules.shown(path) + "' climbs out of the workspace with '..':"
                            + " give a path inside it");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        if (parts.isEmpty()) {
            throw new ValidationException(parameter, "'" + NameRules.shown(path) + "' is the workspace root: name a directory or file in it");
        }
        return String.join("/", parts);
    }

    /** Normalises, then checks that symbolic links do not lead outside the workspace either. */
    public static String requireInside(WorkspaceFiles workspace, String parameter, String path)
            throws IOException, InterruptedException {
        String normalized = normalize(parameter, path);
        requireResolvesInside(workspace, parameter, normalized);
        return normalized;
    }

    /**
     * For a normalised path the step hands to helm, whether given or found by convention
     * ({@code values.<environment>.yaml}): when it exists, its real path must be inside the workspace.
     */
    public static void requireResolvesInside(WorkspaceFiles workspace, String parameter, String normalizedPath)
            throws IOException, InterruptedException {
        if ((workspace.isFile(normalizedPath) || workspace.isDirectory(normalizedPath))
                && workspace.realRelativePath(normalizedPath) == null) {
            throw leadsOutside(parameter, "'" + NameRules.shown(normalizedPath) + "'");
        }
    }

    /**
     * A chart directory: the directory and everything helm may read from it (templates, files
     * read with {@code .Files.Get}, subcharts) must resolve inside the workspace, or the chart
     * would carry an outside file to the cluster.
     */
    public static String requireChartInside(WorkspaceFiles workspace, String parameter, String path)
            throws IOException, InterruptedException {
        String normalized = requireInside(workspace, parameter, path);
        if (workspace.isDirectory(normalized)) {
            List<String> outside = workspace.entriesResolvingOutside(normalized);
            if (!outside.isEmpty()) {
                throw leadsOutside(parameter, "'" + NameRules.shown(outside.get(0)) + "'" + (outside.size() > 1 ? " (and "
                        + (outside.size() - 1) + " more)" : "") + " in the chart '" + NameRules.shown(normalized) + "'");
            }
        }
        return normalized;
    }

    private static ValidationException leadsOutside(String parameter, String what) {
        return new ValidationException(parameter, what + " leads outside the workspace through a"
                + " symbolic link (or to nothing): replace the link with the file itself, or link to a file inside the workspace");
    }
}
